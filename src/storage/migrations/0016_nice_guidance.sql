-- The NICE guidance register (domain/nice_guidance.hpp): the guidance an organisation tracks,
-- whether it applies, its lead and review dates, its recommendations with the organisation's
-- baseline assessments (only added: the latest of a recommendation is its assessment, the
-- earlier ones its history) and the audits that check it. Times are ISO 8601 UTC text.
-- (Types: see 0001_initial.sql.)
CREATE TABLE nice_guidance (
  id                 {id},
  organisation_id    {bigint} NOT NULL REFERENCES organisations (id),
  guidance_type      text NOT NULL,
  number             {int} NOT NULL,
  title              text NOT NULL,
  published_on       {date} NOT NULL,
  applicability      text NOT NULL,
  applicability_note text NOT NULL DEFAULT '',
  lead_user_id       {bigint} REFERENCES users (id) ON DELETE SET NULL,
  lead_name          text NOT NULL DEFAULT '',
  division_id        {bigint} REFERENCES trust_units (id),
  review_due         {date},
  last_reviewed_on   {date},
  UNIQUE (organisation_id, guidance_type, number)
);

CREATE TABLE nice_recommendations (
  id          {id},
  guidance_id {bigint} NOT NULL REFERENCES nice_guidance (id),
  position    {int} NOT NULL,
  label       text NOT NULL,
  text        text NOT NULL,
  UNIQUE (guidance_id, label)
);

CREATE TABLE nice_assessments (
  id                {id},
  guidance_id       {bigint} NOT NULL REFERENCES nice_guidance (id),
  recommendation_id {bigint} NOT NULL REFERENCES nice_recommendations (id),
  compliance        text NOT NULL,
  evidence          text NOT NULL,
  assessed_by_user  {bigint} REFERENCES users (id) ON DELETE SET NULL,
  assessed_by       text NOT NULL DEFAULT '',
  assessed_at       text NOT NULL
);
CREATE INDEX nice_assessments_by_guidance ON nice_assessments (guidance_id, assessed_at, id);

CREATE TABLE nice_guidance_audits (
  guidance_id {bigint} NOT NULL REFERENCES nice_guidance (id),
  audit_id    {bigint} NOT NULL REFERENCES audits (id),
  PRIMARY KEY (guidance_id, audit_id)
);
