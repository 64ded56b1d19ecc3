-- Versions of the outlier-management stage table (docs/governance.md). Rows are only
-- added; the one with the highest id is in force. Cases keep the deadlines they were given.
CREATE TABLE outlier_timetables (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  csv         text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL
);
