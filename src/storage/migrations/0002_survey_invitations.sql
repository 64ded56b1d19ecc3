-- One-time survey links (docs/surveys.md, "Invitations"). Only the SHA-256 of a link's
-- token is stored. used_at stays NULL for anonymous surveys, so that no time in the
-- database ties an invitee to a response. (Types: see 0001_initial.sql.)
CREATE TABLE survey_invitations (
  id                {id},
  survey_id         {bigint} NOT NULL REFERENCES surveys (id),
  token_hash        text NOT NULL UNIQUE,
  label             text NOT NULL DEFAULT '',
  organisation_type text,
  region            text NOT NULL DEFAULT '',
  role              text NOT NULL DEFAULT '',
  used              {bool} NOT NULL DEFAULT FALSE,
  used_at           {timestamp}
);
CREATE INDEX survey_invitations_by_survey ON survey_invitations (survey_id);

-- The invitation a response came from, for surveys that are not anonymous only.
ALTER TABLE survey_responses ADD COLUMN invitation_id {bigint} REFERENCES survey_invitations (id);
