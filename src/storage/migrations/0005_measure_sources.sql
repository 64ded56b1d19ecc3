-- Where a measure's values come from (domain/measure.hpp, MeasureSource): imported results,
-- or computed from the audit's episodes, with the outcome column, the case-mix formula or the
-- expected-risk column it needs. Existing measures keep their imported results. (Types: see
-- 0001_initial.sql.)
ALTER TABLE measures ADD COLUMN unit text NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN source text NOT NULL DEFAULT 'imported_results';
ALTER TABLE measures ADD COLUMN outcome_column text NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN formula text NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN expected_column text NOT NULL DEFAULT '';
