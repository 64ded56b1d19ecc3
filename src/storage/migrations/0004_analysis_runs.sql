-- Analysis runs as records (docs/governance.md, "Analysis runs"): what was computed, from
-- which data (the checksum of the episodes read), with which method, parameters and software
-- version, so a published result can be reproduced. Rows are only added. (Types: see
-- 0001_initial.sql.)
CREATE TABLE analysis_runs (
  id                {id},
  audit_id          {bigint} NOT NULL REFERENCES audits (id),
  measure_id        {bigint} NOT NULL REFERENCES measures (id),
  period            text NOT NULL,
  period_from       {date} NOT NULL,
  period_to         {date} NOT NULL,
  run_on            {date} NOT NULL,
  episodes          {bigint} NOT NULL,
  input_checksum    text NOT NULL,
  software_version  text NOT NULL,
  method            text NOT NULL,
  parameters        text NOT NULL,
  units_flagged     {bigint} NOT NULL,
  cases_opened      {bigint} NOT NULL,
  created_at        {timestamp} NOT NULL,
  created_by        text NOT NULL
);
CREATE INDEX analysis_runs_audit ON analysis_runs (audit_id, period);

-- Risk-adjusted CUSUM signals, each kept once (the run that first raised it) however often
-- the same episodes are analysed again.
CREATE TABLE cusum_alerts (
  id                  {id},
  run_id              {bigint} NOT NULL REFERENCES analysis_runs (id),
  audit_id            {bigint} NOT NULL REFERENCES audits (id),
  measure_id          {bigint} NOT NULL REFERENCES measures (id),
  organisation_id     {bigint} NOT NULL REFERENCES organisations (id),
  side                text NOT NULL CHECK (side IN ('upper', 'lower')),
  signalled_on        {date} NOT NULL,
  episodes_monitored  {bigint} NOT NULL,
  value               {real} NOT NULL,
  raised_on           {date} NOT NULL,
  UNIQUE (measure_id, organisation_id, side, signalled_on)
);
CREATE INDEX cusum_alerts_organisation ON cusum_alerts (organisation_id);
