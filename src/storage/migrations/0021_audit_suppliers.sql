-- Audit suppliers (domain/audit_supplier.hpp): the body that runs a national audit. A national
-- audit may name its supplier, and a national analyst may work for one supplier, whose audits
-- are then the only ones the analyst sees. The store checks both references when it writes
-- an audit or a user (require_row), as it does for every reference it reports by name.
CREATE TABLE audit_suppliers (
  id   {id},
  code text NOT NULL UNIQUE,
  name text NOT NULL
);
ALTER TABLE audits ADD COLUMN supplier_id {bigint};
ALTER TABLE users ADD COLUMN supplier_id {bigint};
