-- A trust's register of outlier notices from audit suppliers that do not use clinaudit
-- (domain/outlier_case.hpp, OutlierNotice): such a case names its supplier and its measure
-- in words, and has no measure of clinaudit's, so measure_id may be empty.
-- [sqlite]
-- SQLite cannot drop a NOT NULL: the table is rebuilt with the same rows and ids, foreign keys
-- off while it is (storage/sqlite/sqlite_migrations.cpp), the references checked before commit.
-- [rebuild]
CREATE TABLE outlier_cases_rebuilt (
  id              {id},
  audit_id        {bigint} NOT NULL REFERENCES audits (id),
  measure_id      {bigint} REFERENCES measures (id),
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  period          text NOT NULL,
  level           text NOT NULL,
  high            {bool} NOT NULL,
  unfavourable    {bool} NOT NULL,
  value           {real} NOT NULL,
  limit_passed    {real} NOT NULL,
  stage           text NOT NULL DEFAULT '',
  opened_on       {date} NOT NULL,
  stage_due_on    {date},
  status          text NOT NULL,
  escalated_on    {date},
  notice_supplier text,
  notice_measure  text
);
INSERT INTO outlier_cases_rebuilt (id, audit_id, measure_id, organisation_id, period, level, high, unfavourable,
  value, limit_passed, stage, opened_on, stage_due_on, status, escalated_on)
  SELECT id, audit_id, measure_id, organisation_id, period, level, high, unfavourable, value, limit_passed, stage,
  opened_on, stage_due_on, status, escalated_on FROM outlier_cases;
DROP TABLE outlier_cases;
ALTER TABLE outlier_cases_rebuilt RENAME TO outlier_cases;
CREATE INDEX outlier_cases_by_organisation ON outlier_cases (organisation_id);
CREATE INDEX outlier_cases_by_audit ON outlier_cases (audit_id);
-- [postgres]
ALTER TABLE outlier_cases ALTER COLUMN measure_id DROP NOT NULL;
ALTER TABLE outlier_cases ADD COLUMN notice_supplier text;
ALTER TABLE outlier_cases ADD COLUMN notice_measure text;
-- [both]
