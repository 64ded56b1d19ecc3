-- The local audit register (domain/local_audit_register.hpp, docs/governance.md): a trust's
-- divisions and specialties (a specialty names its division), each local audit's register
-- entry (its proposal beyond the audits row, and the stage of its lifecycle) and its history
-- (each step with who, when and the reason or rationale). Times are ISO 8601 UTC text.
-- Local audits recorded before the register get an entry whose stage follows their status
-- (planned: approved; in progress: data collection; data collection complete: analysis;
-- reported: report; closed: completed), so they carry on where they stood.
-- (Types: see 0001_initial.sql.)
CREATE TABLE trust_units (
  id              {id},
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  division_id     {bigint} REFERENCES trust_units (id),
  name            text NOT NULL,
  retired         {bool} NOT NULL DEFAULT FALSE
);
-- A name is used once among a trust's divisions, and once within a division.
CREATE UNIQUE INDEX trust_units_divisions ON trust_units (organisation_id, name) WHERE division_id IS NULL;
CREATE UNIQUE INDEX trust_units_specialties ON trust_units (division_id, name) WHERE division_id IS NOT NULL;

CREATE TABLE local_audit_entries (
  audit_id                  {bigint} PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
  division_id               {bigint} REFERENCES trust_units (id),
  specialty_id              {bigint} REFERENCES trust_units (id),
  lead_id                   {bigint} REFERENCES users (id) ON DELETE SET NULL,
  lead_name                 text NOT NULL DEFAULT '',
  supervisor                text NOT NULL DEFAULT '',
  reason                    text,
  sample_method             text NOT NULL DEFAULT '',
  data_protection_confirmed {bool} NOT NULL DEFAULT FALSE,
  data_protection_note      text NOT NULL DEFAULT '',
  proposed_by               {bigint} REFERENCES users (id) ON DELETE SET NULL,
  proposed_by_name          text NOT NULL DEFAULT '',
  proposed_at               text NOT NULL DEFAULT '',
  stage                     text NOT NULL,
  stage_at                  text NOT NULL DEFAULT ''
);
CREATE INDEX local_audit_entries_by_division ON local_audit_entries (division_id);

CREATE TABLE local_audit_events (
  id       {id},
  audit_id {bigint} NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  kind     text NOT NULL,
  stage    text NOT NULL,
  at       text NOT NULL,
  user_id  {bigint} REFERENCES users (id) ON DELETE SET NULL,
  by_name  text NOT NULL DEFAULT '',
  note     text NOT NULL DEFAULT ''
);
CREATE INDEX local_audit_events_by_audit ON local_audit_events (audit_id, at, id);

INSERT INTO local_audit_entries (audit_id, stage)
SELECT id, CASE status
             WHEN 'planned' THEN 'approved'
             WHEN 'in_progress' THEN 'data_collection'
             WHEN 'data_collection_complete' THEN 'analysis'
             WHEN 'reported' THEN 'report'
             ELSE 'completed'
           END
FROM audits WHERE kind = 'local_audit';
