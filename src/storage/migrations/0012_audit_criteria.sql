-- The standards a local audit is measured against (domain/audit_criteria.hpp): each criterion
-- has a statement, a target percentage and the exceptions, in the order the audit team chose
-- (`position`, from 1). The audit's results sit on the criterion itself, as cases met out of
-- cases applicable (both NULL until entered): one set of results per audit, since a re-audit
-- is an audit of its own with criteria of its own.
-- (Types: see 0001_initial.sql.)
CREATE TABLE audit_criteria (
  id             {id},
  audit_id       {bigint} NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  position       {int} NOT NULL,
  statement      text NOT NULL,
  target_percent {real} NOT NULL,
  exceptions     text NOT NULL DEFAULT '',
  met            {bigint},
  applicable     {bigint}
);
CREATE INDEX audit_criteria_by_audit ON audit_criteria (audit_id, position, id);
