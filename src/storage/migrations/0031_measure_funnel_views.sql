-- A measure's funnel plot as each viewer sees it (domain/stored_measure_funnels.hpp): over every
-- result (the national view), over the published results (a trust whose own results are all
-- published), and over the published results with one trust's unpublished ones, so that a
-- trust's page draws a stored funnel too instead of computing one from what it may see. A row
-- per distinct set of results compared, keyed by their checksum; `every_result` marks the one
-- over every result. The funnels stored so far were over every result; their checksums were
-- taken over every period's results, so the next refresh computes each measure's anew.
CREATE TABLE measure_funnel_views (
  measure_id       {bigint} NOT NULL REFERENCES measures (id),
  input_checksum   text NOT NULL,
  every_result     {bool} NOT NULL,
  funnel           text NOT NULL,
  software_version text NOT NULL,
  computed_at      {timestamp} NOT NULL,
  PRIMARY KEY (measure_id, input_checksum)
);
CREATE UNIQUE INDEX measure_funnel_views_over_every_result ON measure_funnel_views (measure_id) WHERE every_result;
INSERT INTO measure_funnel_views (measure_id, input_checksum, every_result, funnel, software_version, computed_at)
  SELECT measure_id, input_checksum, TRUE, funnel, software_version, computed_at FROM measure_funnels;
DROP TABLE measure_funnels;
