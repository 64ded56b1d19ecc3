-- Each provider's risk-adjusted CUSUM over a financial year of a national audit
-- (domain/stored_provider_cusum.hpp): computed when the year's episodes or the audit's
-- measures change and read by the national provider page, so that no request fits a
-- case-mix model. One row per audit and year with what it was computed from; one per
-- provider with its chart, kept as JSON at a bounded number of points.
CREATE TABLE provider_cusum (
  audit_id         {bigint} NOT NULL REFERENCES audits (id),
  year_start       {bigint} NOT NULL,
  episodes         {bigint} NOT NULL,
  input_checksum   text NOT NULL,
  software_version text NOT NULL,
  computed_at      {timestamp} NOT NULL,
  note             text NOT NULL,
  PRIMARY KEY (audit_id, year_start)
);
CREATE TABLE provider_cusum_charts (
  audit_id        {bigint} NOT NULL,
  year_start      {bigint} NOT NULL,
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  episodes        {bigint} NOT NULL,
  chart           text NOT NULL,
  PRIMARY KEY (audit_id, year_start, organisation_id),
  FOREIGN KEY (audit_id, year_start) REFERENCES provider_cusum (audit_id, year_start) ON DELETE CASCADE
);
