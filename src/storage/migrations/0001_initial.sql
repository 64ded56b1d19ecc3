-- clinaudit schema, version 1: every table of the Store port (src/domain/store.hpp).
-- Written once for both databases (storage/migrations.cpp expands it): {id}, {bigint},
-- {int}, {bool}, {real}, {date}, {timestamp} and {json} stand for each one's column types,
-- and a line "-- [sqlite]" or "-- [postgres]" starts lines for that database alone, until
-- "-- [both]". Never edited after release: a change is a new numbered file.
-- Conventions: dates are 'YYYY-MM-DD' (text on SQLite); timestamps ISO 8601 UTC; unknown
-- values are NULL; enums are stored as their domain names ("acute", "local_audit", ...); a
-- financial year is stored as its starting calendar year (2025 for 2025/26).
-- Episodes are the one exception, for size and speed: admission dates are days since
-- 1970-01-01 and covariate values are one text column joined by the unit separator
-- (U+001F), in the order of their import's covariate names.

-- [sqlite]
-- (PostgreSQL's migration runner creates this table itself, before it reads the version.)
CREATE TABLE schema_version (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- [both]

CREATE TABLE organisations (
  id     {id},
  code   text NOT NULL UNIQUE,
  name   text NOT NULL,
  type   text NOT NULL,
  region text NOT NULL DEFAULT ''
);

CREATE TABLE users (
  id              {id},
  email           text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  role            text NOT NULL,
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  password_hash   text NOT NULL,
  active          {bool} NOT NULL DEFAULT TRUE
);
CREATE INDEX users_by_organisation ON users (organisation_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    {bigint} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  expires_at text NOT NULL  -- ISO 8601 UTC ("2026-11-26T15:36:00Z"): text order is time order
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE audits (
  id            {id},
  code          text NOT NULL UNIQUE,
  title         text NOT NULL,
  kind          text NOT NULL,
  topic         text NOT NULL DEFAULT '',
  provider_body text NOT NULL DEFAULT '',
  standards     text NOT NULL DEFAULT '',
  status        text NOT NULL,
  owner_id      {bigint} REFERENCES organisations (id),
  reaudit_of    {bigint} REFERENCES audits (id),
  start_date    {date},
  end_date      {date}
);

-- The Quality Account list: eligible_types is a comma-separated list of organisation types.
CREATE TABLE qa_list (
  audit_id       {bigint} NOT NULL REFERENCES audits (id),
  year           {int} NOT NULL,
  eligible_types text NOT NULL,
  PRIMARY KEY (audit_id, year)
);
CREATE INDEX qa_list_by_year ON qa_list (year);

CREATE TABLE participation (
  organisation_id           {bigint} NOT NULL REFERENCES organisations (id),
  audit_id                  {bigint} NOT NULL REFERENCES audits (id),
  year                      {int} NOT NULL,
  eligible                  {bool},
  participating             {bool},
  reason_not_participating  text NOT NULL DEFAULT '',
  data_collection_completed {bool},
  cases_submitted           {bigint},
  cases_required            {bigint},
  PRIMARY KEY (organisation_id, audit_id, year)
);
CREATE INDEX participation_by_audit ON participation (audit_id, year);

CREATE TABLE measures (
  id              {id},
  audit_id        {bigint} NOT NULL REFERENCES audits (id),
  code            text NOT NULL,
  name            text NOT NULL,
  type            text NOT NULL,
  improvement     text NOT NULL,
  target          {real},
  rate_multiplier {real} NOT NULL DEFAULT 1,
  UNIQUE (audit_id, code)
);

CREATE TABLE results (
  id              {id},
  measure_id      {bigint} NOT NULL REFERENCES measures (id),
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  period_start    {date} NOT NULL,
  period_end      {date} NOT NULL,
  numerator       {real},
  denominator     {real},
  expected        {real},
  value           {real},
  published       {bool} NOT NULL DEFAULT FALSE,
  UNIQUE (measure_id, organisation_id, period_start, period_end)
);

-- One row per episode import; covariate_names is a JSON array of text, in column order.
CREATE TABLE episode_imports (
  id              {id},
  audit_id        {bigint} NOT NULL REFERENCES audits (id),
  covariate_names {json} NOT NULL,
  imported_at     {timestamp} NOT NULL,
  actor           text NOT NULL,
  row_count       {bigint} NOT NULL DEFAULT 0
);
CREATE INDEX episode_imports_by_audit ON episode_imports (audit_id);

-- Patient-level records: millions of rows a year, written only by the episode import, which
-- checks the audit and every provider before it sends rows (organisations and audits are
-- never deleted). On PostgreSQL the table carries no per-row foreign-key triggers: they
-- would more than double the time of a national import.
-- [sqlite]
CREATE TABLE episodes (
  id             INTEGER PRIMARY KEY,
  audit_id       INTEGER NOT NULL REFERENCES audits (id),
  import_id      INTEGER NOT NULL REFERENCES episode_imports (id),
  provider_id    INTEGER NOT NULL REFERENCES organisations (id),
  admission_day  INTEGER NOT NULL,
  outcome        INTEGER NOT NULL CHECK (outcome IN (0, 1)),
  covariates     TEXT NOT NULL
);
-- [postgres]
CREATE TABLE episodes (
  id             bigserial PRIMARY KEY,
  audit_id       bigint NOT NULL,
  import_id      bigint NOT NULL,
  provider_id    bigint NOT NULL,
  admission_day  integer NOT NULL,
  outcome        smallint NOT NULL CHECK (outcome IN (0, 1)),
  covariates     text NOT NULL
);
-- [both]
CREATE INDEX episodes_by_audit_date ON episodes (audit_id, admission_day, id);

CREATE TABLE report_reviews (
  id               {id},
  audit_id         {bigint} NOT NULL REFERENCES audits (id),
  organisation_id  {bigint} NOT NULL REFERENCES organisations (id),
  report_title     text NOT NULL,
  published_on     {date} NOT NULL,
  reviewed_on      {date},
  committee        text NOT NULL DEFAULT '',
  intended_actions text NOT NULL DEFAULT ''
);
CREATE INDEX report_reviews_by_organisation ON report_reviews (organisation_id);

CREATE TABLE actions (
  id              {id},
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  audit_id        {bigint} REFERENCES audits (id),
  title           text NOT NULL,
  owner_id        {bigint} REFERENCES users (id),
  owner_name      text NOT NULL DEFAULT '',
  due_on          {date} NOT NULL,
  status          text NOT NULL,
  evidence        text NOT NULL DEFAULT '',
  completed_on    {date},
  source          text NOT NULL,
  source_id       {bigint} NOT NULL DEFAULT 0,
  reaudit_id      {bigint} REFERENCES audits (id)
);
CREATE INDEX actions_by_organisation ON actions (organisation_id);

CREATE TABLE board_meetings (
  id              {id},
  organisation_id {bigint} NOT NULL REFERENCES organisations (id),
  committee       text NOT NULL,
  held_on         {date} NOT NULL
);
CREATE INDEX board_meetings_by_organisation ON board_meetings (organisation_id);

CREATE TABLE board_items (
  id         {id},
  meeting_id {bigint} NOT NULL REFERENCES board_meetings (id),
  kind       text NOT NULL,
  ref_id     {bigint} NOT NULL DEFAULT 0,
  title      text NOT NULL,
  decision   text NOT NULL DEFAULT ''
);
CREATE INDEX board_items_by_meeting ON board_items (meeting_id);

CREATE TABLE outlier_cases (
  id              {id},
  audit_id        {bigint} NOT NULL REFERENCES audits (id),
  measure_id      {bigint} NOT NULL REFERENCES measures (id),
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
  status          text NOT NULL
);
CREATE INDEX outlier_cases_by_organisation ON outlier_cases (organisation_id);
CREATE INDEX outlier_cases_by_audit ON outlier_cases (audit_id);

CREATE TABLE outlier_events (
  id      {id},
  case_id {bigint} NOT NULL REFERENCES outlier_cases (id),
  stage   text NOT NULL DEFAULT '',
  what    text NOT NULL,
  by_user {bigint} REFERENCES users (id),
  at      text NOT NULL  -- ISO 8601 UTC, as given
);
CREATE INDEX outlier_events_by_case ON outlier_events (case_id);

CREATE TABLE surveys (
  id        {id},
  title     text NOT NULL,
  wave      text NOT NULL DEFAULT '',
  anonymous {bool} NOT NULL DEFAULT TRUE
);

-- options is a JSON array of text.
CREATE TABLE survey_questions (
  id        {id},
  survey_id {bigint} NOT NULL REFERENCES surveys (id),
  position  {int} NOT NULL,
  code      text NOT NULL,
  text      text NOT NULL,
  kind      text NOT NULL,
  options   {json} NOT NULL DEFAULT '[]',
  UNIQUE (survey_id, code)
);

-- answers is a JSON array of [question code, answer] pairs, in the order given.
CREATE TABLE survey_responses (
  id                {id},
  survey_id         {bigint} NOT NULL REFERENCES surveys (id),
  organisation_type text,
  region            text NOT NULL DEFAULT '',
  role              text NOT NULL DEFAULT '',
  answers           {json} NOT NULL DEFAULT '[]'
);
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id);

-- Append-only: the store never updates or deletes a row, and triggers refuse to. before and
-- after hold the record's JSON; none is '' on SQLite and NULL on PostgreSQL.
-- [sqlite]
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
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- [postgres]
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
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
-- [both]
CREATE INDEX audit_log_by_entity ON audit_log (entity, id);
