-- Versions of the outlier-management stage table (docs/governance.md). Rows are only
-- added; the one with the highest id is in force. Cases keep the deadlines they were given.
CREATE TABLE outlier_timetables (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  csv         TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
