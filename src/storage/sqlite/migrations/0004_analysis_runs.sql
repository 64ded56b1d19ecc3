-- Analysis runs as records (docs/governance.md, "Analysis runs"): what was computed, from
-- which data (the checksum of the episodes read), with which method, parameters and software
-- version, so a published result can be reproduced. Rows are only added.
CREATE TABLE analysis_runs (
  id                INTEGER PRIMARY KEY,
  audit_id          INTEGER NOT NULL REFERENCES audits (id),
  measure_id        INTEGER NOT NULL REFERENCES measures (id),
  period            TEXT NOT NULL,
  period_from       TEXT NOT NULL,
  period_to         TEXT NOT NULL,
  run_on            TEXT NOT NULL,
  episodes          INTEGER NOT NULL,
  input_checksum    TEXT NOT NULL,
  software_version  TEXT NOT NULL,
  method            TEXT NOT NULL,
  parameters        TEXT NOT NULL,
  units_flagged     INTEGER NOT NULL,
  cases_opened      INTEGER NOT NULL,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL
);
CREATE INDEX analysis_runs_audit ON analysis_runs (audit_id, period);

-- Risk-adjusted CUSUM signals, each kept once (the run that first raised it) however often
-- the same episodes are analysed again.
CREATE TABLE cusum_alerts (
  id                  INTEGER PRIMARY KEY,
  run_id              INTEGER NOT NULL REFERENCES analysis_runs (id),
  audit_id            INTEGER NOT NULL REFERENCES audits (id),
  measure_id          INTEGER NOT NULL REFERENCES measures (id),
  organisation_id     INTEGER NOT NULL REFERENCES organisations (id),
  side                TEXT NOT NULL CHECK (side IN ('upper', 'lower')),
  signalled_on        TEXT NOT NULL,
  episodes_monitored  INTEGER NOT NULL,
  value               REAL NOT NULL,
  raised_on           TEXT NOT NULL,
  UNIQUE (measure_id, organisation_id, side, signalled_on)
);
CREATE INDEX cusum_alerts_organisation ON cusum_alerts (organisation_id);
