-- Risk-adjusted CUSUM monitoring of a national audit (domain/cusum_monitoring.hpp): computed
-- when the audit's episodes change (an import) and by the daily job, and read by dashboards
-- and board packs, so that no page fits a case-mix model and every server shows the same
-- signals. One row per audit, the latest computation, with what it was computed from.
CREATE TABLE cusum_monitoring (
  audit_id         {bigint} PRIMARY KEY REFERENCES audits (id),
  window_from      {date} NOT NULL,
  window_to        {date} NOT NULL,
  episodes         {bigint} NOT NULL,
  input_checksum   text NOT NULL,
  software_version text NOT NULL,
  computed_at      {timestamp} NOT NULL
);
CREATE TABLE cusum_monitoring_signals (
  audit_id           {bigint} NOT NULL REFERENCES cusum_monitoring (audit_id) ON DELETE CASCADE,
  organisation_id    {bigint} NOT NULL REFERENCES organisations (id),
  side               text NOT NULL,
  signalled_on       {date} NOT NULL,
  episodes_monitored {bigint} NOT NULL,
  value              {real} NOT NULL
);
CREATE INDEX cusum_monitoring_signals_organisation ON cusum_monitoring_signals (organisation_id);
