-- Password resets that an administrator starts for a user of their organisation
-- (domain/user_admin.hpp): a one-time link whose token is stored only as its SHA-256 hash,
-- with the time it stops working and the time it was used (NULL until then). A used or
-- expired reset is kept for the audit trail; deleting a user deletes their resets.
-- Times are ISO 8601 UTC text ("2026-11-26T15:36:00Z"), whose text order is time order.
-- (Types: see 0001_initial.sql.)
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id    {bigint} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at text NOT NULL,
  expires_at text NOT NULL,
  used_at    text
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);
