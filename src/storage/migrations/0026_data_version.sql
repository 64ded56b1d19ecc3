-- A number every committed change of the records the pages show moves on (Store::data_version),
-- so that a server may keep what it computed from the records until it moves, whichever server
-- made the change. Sessions, sign-in counts and files awaiting confirmation do not move it.
CREATE TABLE data_version (
  id      {bigint} PRIMARY KEY,
  version {bigint} NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
