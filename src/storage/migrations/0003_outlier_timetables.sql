-- Versions of the outlier-management stage table (docs/governance.md). Rows are only
-- added; the one with the highest id is in force. Cases keep the deadlines they were given.
-- (Types: see 0001_initial.sql.)
CREATE TABLE outlier_timetables (
  id          {id},
  name        text NOT NULL,
  csv         text NOT NULL,
  created_at  {timestamp} NOT NULL,
  created_by  text NOT NULL
);
