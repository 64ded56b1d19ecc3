-- Every measure an analysis run computed from the audit's episodes (domain/analysis_record.hpp,
-- AnalysisRunMeasure): where its values came from (the measure's source, outcome column,
-- case-mix formula or expected-risk column, as they stood on the day of the run) and how many
-- episodes it used and left out for a missing value. Rows are only added. Runs stored before
-- this migration keep their one measure in analysis_runs.measure_id. (Types: see
-- 0001_initial.sql.)
CREATE TABLE analysis_run_measures (
  id               {id},
  run_id           {bigint} NOT NULL REFERENCES analysis_runs (id),
  position         {int} NOT NULL,
  measure_id       {bigint} NOT NULL REFERENCES measures (id),
  measure_code     text NOT NULL,
  source           text NOT NULL,
  outcome_column   text NOT NULL,
  formula          text NOT NULL,
  expected_column  text NOT NULL,
  rows_used        {bigint} NOT NULL CHECK (rows_used >= 0),
  rows_dropped     {bigint} NOT NULL CHECK (rows_dropped >= 0),
  units_flagged    {bigint} NOT NULL CHECK (units_flagged >= 0),
  cases_opened     {bigint} NOT NULL CHECK (cases_opened >= 0),
  UNIQUE (run_id, measure_id)
);
