-- The report tracker (domain/report_tracking.hpp): who in an organisation leads the review of
-- a published report and by when, the organisation's baseline assessment of each of the
-- report's recommendations, and how many weeks after publication a review is due unless the
-- lead's deadline says otherwise. Assessments are only added: the latest of a
-- recommendation is its assessment, the earlier ones its history. Times are ISO 8601 UTC
-- text ("2026-11-26T15:36:00Z"), whose text order is time order.
-- (Types: see 0001_initial.sql.)
CREATE TABLE report_assignments (
  id              {id},
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  report_id       {bigint} NOT NULL REFERENCES audit_reports (id),
  lead_user_id    {bigint} REFERENCES users (id) ON DELETE SET NULL,
  lead_name       text NOT NULL DEFAULT '',
  deadline        {date} NOT NULL,
  assigned_at     text NOT NULL,
  assigned_by     text NOT NULL DEFAULT '',
  UNIQUE (organisation_id, report_id)
);

CREATE TABLE recommendation_assessments (
  id                {id},
  organisation_id   {bigint} NOT NULL REFERENCES organisations (id),
  report_id         {bigint} NOT NULL REFERENCES audit_reports (id),
  number            {int} NOT NULL,
  compliance        text NOT NULL,
  evidence          text NOT NULL DEFAULT '',
  assessed_by_user  {bigint} REFERENCES users (id) ON DELETE SET NULL,
  assessed_by       text NOT NULL DEFAULT '',
  assessed_at       text NOT NULL
);
CREATE INDEX recommendation_assessments_by_report
  ON recommendation_assessments (organisation_id, report_id, number, assessed_at, id);

CREATE TABLE report_tracker_settings (
  organisation_id {bigint} PRIMARY KEY REFERENCES organisations (id),
  review_weeks    {int} NOT NULL
);
