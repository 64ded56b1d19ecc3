-- The history of an action (domain/governance.hpp, ActionEvent): progress notes, and each
-- change after it was raised (its title or audit, its owner, its due date with the reason,
-- its completion with the evidence, its reopening with the reason), with who and when.
-- `from_text` and `to_text` hold what changed as a person reads it; the first due-date
-- change's `from_text` is the action's original due date. Times are ISO 8601 UTC text
-- ("2026-11-26T15:36:00Z"), whose text order is time order. Actions also keep the day they
-- were raised (NULL for those raised before this migration).
-- (Types: see 0001_initial.sql.)
ALTER TABLE actions ADD COLUMN raised_on {date};

CREATE TABLE action_events (
  id        {id},
  action_id {bigint} NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  kind      text NOT NULL,
  at        text NOT NULL,
  user_id   {bigint} REFERENCES users (id) ON DELETE SET NULL,
  by_name   text NOT NULL DEFAULT '',
  note      text NOT NULL DEFAULT '',
  from_text text NOT NULL DEFAULT '',
  to_text   text NOT NULL DEFAULT ''
);
CREATE INDEX action_events_by_action ON action_events (action_id, at, id);
