-- One-time survey links (docs/surveys.md, "Invitations"). Only the SHA-256 of a link's
-- token is stored. used_at stays NULL for anonymous surveys, so that no time in the
-- database ties an invitee to a response.
CREATE TABLE survey_invitations (
  id                INTEGER PRIMARY KEY,
  survey_id         INTEGER NOT NULL REFERENCES surveys(id),
  token_hash        TEXT NOT NULL UNIQUE,
  label             TEXT NOT NULL DEFAULT '',
  organisation_type TEXT,
  region            TEXT NOT NULL DEFAULT '',
  role              TEXT NOT NULL DEFAULT '',
  used              INTEGER NOT NULL DEFAULT 0,
  used_at           TEXT
);
CREATE INDEX survey_invitations_by_survey ON survey_invitations(survey_id);

-- The invitation a response came from, for surveys that are not anonymous only.
ALTER TABLE survey_responses ADD COLUMN invitation_id INTEGER REFERENCES survey_invitations(id);
