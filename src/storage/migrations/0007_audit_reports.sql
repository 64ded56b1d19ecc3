-- Published audit reports and their recommendations (domain/governance.hpp, AuditReport), and
-- the report each review reviews, with its findings. A report with no organisation is the
-- national body's, seen by everyone; one with an organisation is that organisation's own.
-- Reviews stored before this migration named their report by audit, title and publication
-- date: each such report becomes a report of the reviewing organisation (its earliest
-- publication date when one title was given several), and the review points to it.
-- (Types: see 0001_initial.sql.)
CREATE TABLE audit_reports (
  id              {id},
  audit_id        {bigint} NOT NULL REFERENCES audits (id),
  organisation_id {bigint} REFERENCES organisations (id),
  title           text NOT NULL,
  published_on    {date} NOT NULL,
  link            text NOT NULL DEFAULT ''
);
-- One title per audit and publisher (the national body, or one organisation).
CREATE UNIQUE INDEX audit_reports_by_title ON audit_reports (audit_id, COALESCE(organisation_id, 0), title);

CREATE TABLE report_recommendations (
  id        {id},
  report_id {bigint} NOT NULL REFERENCES audit_reports (id),
  number    {int} NOT NULL,
  body      text NOT NULL,
  UNIQUE (report_id, number)
);

ALTER TABLE report_reviews ADD COLUMN report_id {bigint} REFERENCES audit_reports (id);
ALTER TABLE report_reviews ADD COLUMN findings text NOT NULL DEFAULT '';

INSERT INTO audit_reports (audit_id, organisation_id, title, published_on)
  SELECT audit_id, organisation_id, report_title, MIN(published_on)
  FROM report_reviews GROUP BY audit_id, organisation_id, report_title;
UPDATE report_reviews SET report_id = (
  SELECT r.id FROM audit_reports r
  WHERE r.audit_id = report_reviews.audit_id AND r.organisation_id = report_reviews.organisation_id
    AND r.title = report_reviews.report_title);
CREATE INDEX report_reviews_by_report ON report_reviews (report_id);
-- [postgres]
ALTER TABLE report_reviews ALTER COLUMN report_id SET NOT NULL;
-- [both]
