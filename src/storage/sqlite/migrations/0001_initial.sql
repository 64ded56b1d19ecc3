-- clinaudit schema, version 1 (SQLite).
-- Conventions: ids are INTEGER PRIMARY KEY (the rowid); dates are ISO 8601 text
-- ('YYYY-MM-DD'); timestamps are ISO 8601 UTC text; booleans are 0/1; unknown values are
-- NULL; enums are stored as their domain names ("acute", "local_audit", ...); a financial
-- year is stored as its starting calendar year (2025 for 2025/26).
-- Episodes are the one exception, for size and speed: admission dates are days since
-- 1970-01-01 and covariate values are one text column joined by the unit separator
-- (U+001F), in the order of their import's covariate names.

CREATE TABLE schema_version (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE organisations (
  id     INTEGER PRIMARY KEY,
  code   TEXT NOT NULL UNIQUE,
  name   TEXT NOT NULL,
  type   TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT ''
);

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  password_hash   TEXT NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_by_organisation ON users(organisation_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

CREATE TABLE audits (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  kind          TEXT NOT NULL,
  topic         TEXT NOT NULL DEFAULT '',
  provider_body TEXT NOT NULL DEFAULT '',
  standards     TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL,
  owner_id      INTEGER REFERENCES organisations(id),
  reaudit_of    INTEGER REFERENCES audits(id),
  start_date    TEXT,
  end_date      TEXT
);

-- The Quality Account list: eligible_types is a comma-separated list of organisation types.
CREATE TABLE qa_list (
  audit_id       INTEGER NOT NULL REFERENCES audits(id),
  year           INTEGER NOT NULL,
  eligible_types TEXT NOT NULL,
  PRIMARY KEY (audit_id, year)
);
CREATE INDEX qa_list_by_year ON qa_list(year);

CREATE TABLE participation (
  organisation_id           INTEGER NOT NULL REFERENCES organisations(id),
  audit_id                  INTEGER NOT NULL REFERENCES audits(id),
  year                      INTEGER NOT NULL,
  eligible                  INTEGER,
  participating             INTEGER,
  reason_not_participating  TEXT NOT NULL DEFAULT '',
  data_collection_completed INTEGER,
  cases_submitted           INTEGER,
  cases_required            INTEGER,
  PRIMARY KEY (organisation_id, audit_id, year)
);
CREATE INDEX participation_by_audit ON participation(audit_id, year);

CREATE TABLE measures (
  id              INTEGER PRIMARY KEY,
  audit_id        INTEGER NOT NULL REFERENCES audits(id),
  code            TEXT NOT NULL,
  name            TEXT NOT NULL,
  type            TEXT NOT NULL,
  improvement     TEXT NOT NULL,
  target          REAL,
  rate_multiplier REAL NOT NULL DEFAULT 1,
  UNIQUE (audit_id, code)
);

CREATE TABLE results (
  id              INTEGER PRIMARY KEY,
  measure_id      INTEGER NOT NULL REFERENCES measures(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  period_start    TEXT NOT NULL,
  period_end      TEXT NOT NULL,
  numerator       REAL,
  denominator     REAL,
  expected        REAL,
  value           REAL,
  published       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (measure_id, organisation_id, period_start, period_end)
);

-- One row per episode import; covariate_names is a JSON array of text.
CREATE TABLE episode_imports (
  id              INTEGER PRIMARY KEY,
  audit_id        INTEGER NOT NULL REFERENCES audits(id),
  covariate_names TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  actor           TEXT NOT NULL,
  row_count       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE episodes (
  id             INTEGER PRIMARY KEY,
  audit_id       INTEGER NOT NULL REFERENCES audits(id),
  import_id      INTEGER NOT NULL REFERENCES episode_imports(id),
  provider_id    INTEGER NOT NULL REFERENCES organisations(id),
  admission_day  INTEGER NOT NULL,
  outcome        INTEGER NOT NULL CHECK (outcome IN (0, 1)),
  covariates     TEXT NOT NULL
);
CREATE INDEX episodes_by_audit_date ON episodes(audit_id, admission_day);

CREATE TABLE report_reviews (
  id               INTEGER PRIMARY KEY,
  audit_id         INTEGER NOT NULL REFERENCES audits(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  report_title     TEXT NOT NULL,
  published_on     TEXT NOT NULL,
  reviewed_on      TEXT,
  committee        TEXT NOT NULL DEFAULT '',
  intended_actions TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_reviews_by_organisation ON report_reviews(organisation_id);

CREATE TABLE actions (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  audit_id        INTEGER REFERENCES audits(id),
  title           TEXT NOT NULL,
  owner_id        INTEGER REFERENCES users(id),
  owner_name      TEXT NOT NULL DEFAULT '',
  due_on          TEXT NOT NULL,
  status          TEXT NOT NULL,
  evidence        TEXT NOT NULL DEFAULT '',
  completed_on    TEXT,
  source          TEXT NOT NULL,
  source_id       INTEGER NOT NULL DEFAULT 0,
  reaudit_id      INTEGER REFERENCES audits(id)
);
CREATE INDEX actions_by_organisation ON actions(organisation_id);

CREATE TABLE board_meetings (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  committee       TEXT NOT NULL,
  held_on         TEXT NOT NULL
);
CREATE INDEX board_meetings_by_organisation ON board_meetings(organisation_id);

CREATE TABLE board_items (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES board_meetings(id),
  kind       TEXT NOT NULL,
  ref_id     INTEGER NOT NULL DEFAULT 0,
  title      TEXT NOT NULL,
  decision   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX board_items_by_meeting ON board_items(meeting_id);

CREATE TABLE outlier_cases (
  id              INTEGER PRIMARY KEY,
  audit_id        INTEGER NOT NULL REFERENCES audits(id),
  measure_id      INTEGER NOT NULL REFERENCES measures(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  period          TEXT NOT NULL,
  level           TEXT NOT NULL,
  high            INTEGER NOT NULL,
  unfavourable    INTEGER NOT NULL,
  value           REAL NOT NULL,
  limit_passed    REAL NOT NULL,
  stage           TEXT NOT NULL DEFAULT '',
  opened_on       TEXT NOT NULL,
  stage_due_on    TEXT,
  status          TEXT NOT NULL
);
CREATE INDEX outlier_cases_by_organisation ON outlier_cases(organisation_id);
CREATE INDEX outlier_cases_by_audit ON outlier_cases(audit_id);

CREATE TABLE outlier_events (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES outlier_cases(id),
  stage   TEXT NOT NULL DEFAULT '',
  what    TEXT NOT NULL,
  by_user INTEGER REFERENCES users(id),
  at      TEXT NOT NULL
);
CREATE INDEX outlier_events_by_case ON outlier_events(case_id);

CREATE TABLE surveys (
  id        INTEGER PRIMARY KEY,
  title     TEXT NOT NULL,
  wave      TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 1
);

-- options is a JSON array of text.
CREATE TABLE survey_questions (
  id        INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys(id),
  position  INTEGER NOT NULL,
  code      TEXT NOT NULL,
  text      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  options   TEXT NOT NULL DEFAULT '[]',
  UNIQUE (survey_id, code)
);

-- answers is a JSON array of [question code, answer] pairs, in the order given.
CREATE TABLE survey_responses (
  id                INTEGER PRIMARY KEY,
  survey_id         INTEGER NOT NULL REFERENCES surveys(id),
  organisation_type TEXT,
  region            TEXT NOT NULL DEFAULT '',
  role              TEXT NOT NULL DEFAULT '',
  answers           TEXT NOT NULL
);
CREATE INDEX survey_responses_by_survey ON survey_responses(survey_id);

-- Append-only: the store never updates or deletes a row of this table.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    INTEGER,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  before     TEXT NOT NULL DEFAULT '',
  after      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_entity ON audit_log(entity, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
