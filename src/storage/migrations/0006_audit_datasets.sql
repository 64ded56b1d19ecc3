-- A national audit declares its patient-level dataset (domain/dataset.hpp), one row per
-- column in the order a file gives them; allowed_values is a JSON array of text (categories).
-- Episodes then hold their dataset values typed, in one JSON object per episode (`data`):
-- numbers as JSON numbers, yes/no as true/false, categories as strings, dates as
-- "YYYY-MM-DD", a missing value absent. The old outcome and covariate text go: the step
-- run between the two halves of this migration (storage/episode_conversion.cpp) declares
-- each audit's dataset from its imports' covariates (number when every value reads as a
-- number, else category) plus a yes/no column `outcome`, and writes each episode's JSON.
-- episode_imports.column_names lists the dataset columns each import holds.
CREATE TABLE dataset_columns (
  id             {id},
  audit_id       {bigint} NOT NULL REFERENCES audits (id),
  position       {int} NOT NULL,
  name           text NOT NULL,
  type           text NOT NULL,
  required       {bool} NOT NULL DEFAULT FALSE,
  minimum        {real},
  maximum        {real},
  allowed_values {json} NOT NULL,
  description    text NOT NULL DEFAULT '',
  UNIQUE (audit_id, name)
);
ALTER TABLE episode_imports RENAME COLUMN covariate_names TO column_names;
ALTER TABLE episodes ADD COLUMN data {json} NOT NULL DEFAULT '{}';
-- [step]
ALTER TABLE episodes DROP COLUMN outcome;
ALTER TABLE episodes DROP COLUMN covariates;
