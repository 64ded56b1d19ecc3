-- clinaudit PostgreSQL schema, version 1: every table of the Store port (src/domain/store.hpp).
-- Applied once, in one transaction, by storage/postgres/pg_migrations.cpp; never edited after
-- release (a change is a new numbered file). Table and column names match the SQLite schema
-- where both stores hold the same thing, so that one contract suite checks both.

CREATE TABLE organisations (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  type        text NOT NULL,
  region      text NOT NULL DEFAULT ''
);

CREATE TABLE users (
  id              bigserial PRIMARY KEY,
  email           text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  role            text NOT NULL,
  organisation_id bigint NOT NULL REFERENCES organisations (id),
  password_hash   text NOT NULL,
  active          boolean NOT NULL DEFAULT true
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  expires_at  text NOT NULL  -- ISO 8601 UTC ("2026-11-26T15:36:00Z"): text order is time order
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE audits (
  id             bigserial PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  title          text NOT NULL,
  kind           text NOT NULL,
  topic          text NOT NULL DEFAULT '',
  provider_body  text NOT NULL DEFAULT '',
  standards      text NOT NULL DEFAULT '',
  status         text NOT NULL,
  owner_id       bigint REFERENCES organisations (id),
  reaudit_of     bigint REFERENCES audits (id),
  start_date     date,
  end_date       date
);

-- The Quality Account list: a national audit in a financial year (start year, e.g. 2025 for
-- 2025/26) and the organisation types it applies to (comma-separated, sorted).
CREATE TABLE qa_list (
  audit_id        bigint NOT NULL REFERENCES audits (id),
  year            integer NOT NULL,
  eligible_types  text NOT NULL,
  PRIMARY KEY (audit_id, year)
);
CREATE INDEX qa_list_year ON qa_list (year);

CREATE TABLE participation (
  organisation_id            bigint NOT NULL REFERENCES organisations (id),
  audit_id                   bigint NOT NULL REFERENCES audits (id),
  year                       integer NOT NULL,
  eligible                   boolean,
  participating              boolean,
  reason_not_participating   text NOT NULL DEFAULT '',
  data_collection_completed  boolean,
  cases_submitted            bigint,
  cases_required             bigint,
  PRIMARY KEY (organisation_id, audit_id, year)
);
CREATE INDEX participation_audit_year ON participation (audit_id, year);

CREATE TABLE measures (
  id               bigserial PRIMARY KEY,
  audit_id         bigint NOT NULL REFERENCES audits (id),
  code             text NOT NULL,
  name             text NOT NULL,
  type             text NOT NULL,
  improvement      text NOT NULL,
  target           double precision,
  rate_multiplier  double precision NOT NULL DEFAULT 1,
  UNIQUE (audit_id, code)
);

CREATE TABLE results (
  id               bigserial PRIMARY KEY,
  measure_id       bigint NOT NULL REFERENCES measures (id),
  organisation_id  bigint NOT NULL REFERENCES organisations (id),
  period_start     date NOT NULL,
  period_end       date NOT NULL,
  numerator        double precision,
  denominator      double precision,
  expected         double precision,
  value            double precision,
  published        boolean NOT NULL DEFAULT false,
  UNIQUE (measure_id, organisation_id, period_start, period_end)
);

-- One row per episode import; covariate_names is a JSON array of text, in column order.
CREATE TABLE episode_imports (
  id               bigserial PRIMARY KEY,
  audit_id         bigint NOT NULL REFERENCES audits (id),
  covariate_names  jsonb NOT NULL,
  imported_at      timestamptz NOT NULL DEFAULT now(),
  actor            text NOT NULL,
  row_count        bigint NOT NULL DEFAULT 0
);
CREATE INDEX episode_imports_audit ON episode_imports (audit_id);

-- Patient-level records: millions of rows a year, written only by COPY inside their import's
-- transaction. As in the SQLite schema, admission_day counts days since 1970-01-01 and
-- covariates holds the values joined by the unit separator (U+001F), in the order of the
-- import's covariate_names. The importer checks the audit (locked for the import) and every
-- provider before sending rows, and organisations are never deleted, so the table carries
-- no per-row foreign-key triggers: they would more than double the time of a national import.
CREATE TABLE episodes (
  id             bigserial PRIMARY KEY,
  audit_id       bigint NOT NULL,
  import_id      bigint NOT NULL,
  provider_id    bigint NOT NULL,
  admission_day  integer NOT NULL,
  outcome        smallint NOT NULL CHECK (outcome IN (0, 1)),
  covariates     text NOT NULL
);
CREATE INDEX episodes_audit_day ON episodes (audit_id, admission_day, id);

CREATE TABLE report_reviews (
  id                bigserial PRIMARY KEY,
  audit_id          bigint NOT NULL REFERENCES audits (id),
  organisation_id   bigint NOT NULL REFERENCES organisations (id),
  report_title      text NOT NULL,
  published_on      date NOT NULL,
  reviewed_on       date,
  committee         text NOT NULL DEFAULT '',
  intended_actions  text NOT NULL DEFAULT ''
);
CREATE INDEX report_reviews_organisation ON report_reviews (organisation_id);

CREATE TABLE actions (
  id               bigserial PRIMARY KEY,
  organisation_id  bigint NOT NULL REFERENCES organisations (id),
  audit_id         bigint REFERENCES audits (id),
  title            text NOT NULL,
  owner_id         bigint REFERENCES users (id),
  owner_name       text NOT NULL DEFAULT '',
  due_on           date NOT NULL,
  status           text NOT NULL,
  evidence         text NOT NULL DEFAULT '',
  completed_on     date,
  source           text NOT NULL,
  source_id        bigint NOT NULL DEFAULT 0,
  reaudit_id       bigint REFERENCES audits (id)
);
CREATE INDEX actions_organisation ON actions (organisation_id);

CREATE TABLE board_meetings (
  id               bigserial PRIMARY KEY,
  organisation_id  bigint NOT NULL REFERENCES organisations (id),
  committee        text NOT NULL,
  held_on          date NOT NULL
);
CREATE INDEX board_meetings_organisation ON board_meetings (organisation_id);

CREATE TABLE board_items (
  id          bigserial PRIMARY KEY,
  meeting_id  bigint NOT NULL REFERENCES board_meetings (id),
  kind        text NOT NULL,
  ref_id      bigint NOT NULL DEFAULT 0,
  title       text NOT NULL DEFAULT '',
  decision    text NOT NULL DEFAULT ''
);
CREATE INDEX board_items_meeting ON board_items (meeting_id);

CREATE TABLE outlier_cases (
  id               bigserial PRIMARY KEY,
  audit_id         bigint NOT NULL REFERENCES audits (id),
  measure_id       bigint NOT NULL REFERENCES measures (id),
  organisation_id  bigint NOT NULL REFERENCES organisations (id),
  period           text NOT NULL,
  level            text NOT NULL,
  high             boolean NOT NULL,
  unfavourable     boolean NOT NULL,
  value            double precision NOT NULL,
  limit_passed     double precision NOT NULL,
  stage            text NOT NULL DEFAULT '',
  opened_on        date NOT NULL,
  stage_due_on     date,
  status           text NOT NULL
);
CREATE INDEX outlier_cases_organisation ON outlier_cases (organisation_id);
CREATE INDEX outlier_cases_audit ON outlier_cases (audit_id);

CREATE TABLE outlier_events (
  id       bigserial PRIMARY KEY,
  case_id  bigint NOT NULL REFERENCES outlier_cases (id),
  stage    text NOT NULL DEFAULT '',
  what     text NOT NULL,
  by_user  bigint REFERENCES users (id),
  at       text NOT NULL  -- ISO 8601 UTC, as given
);
CREATE INDEX outlier_events_case ON outlier_events (case_id);

CREATE TABLE surveys (
  id         bigserial PRIMARY KEY,
  title      text NOT NULL,
  wave       text NOT NULL DEFAULT '',
  anonymous  boolean NOT NULL DEFAULT true
);

CREATE TABLE survey_questions (
  id         bigserial PRIMARY KEY,
  survey_id  bigint NOT NULL REFERENCES surveys (id),
  position   integer NOT NULL,
  code       text NOT NULL,
  text       text NOT NULL,
  kind       text NOT NULL,
  options    jsonb NOT NULL DEFAULT '[]',  -- array of strings, in order
  UNIQUE (survey_id, code)
);

CREATE TABLE survey_responses (
  id                 bigserial PRIMARY KEY,
  survey_id          bigint NOT NULL REFERENCES surveys (id),
  organisation_type  text,
  region             text NOT NULL DEFAULT '',
  role               text NOT NULL DEFAULT '',
  answers            jsonb NOT NULL DEFAULT '[]'  -- array of [question code, answer], in order
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);

-- Append-only: the store never updates or deletes a row, and a trigger refuses to.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     bigint,
  actor       text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_key  text NOT NULL,
  before      jsonb,
  after       jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
