-- The funnel plot of each measure over every provider's results
-- (domain/stored_measure_funnels.hpp): computed when the measure's results or settings change
-- (an import, an analysis run, a measure edit, the daily job after an upgrade) and read by
-- the national audit and provider pages, so that no request computes a funnel's limits. One
-- row per measure with a funnel; `funnel` holds the plot and its limit curves as JSON
-- (storage/sql_store_measure_funnels.cpp).
CREATE TABLE measure_funnels (
  measure_id       {bigint} PRIMARY KEY REFERENCES measures (id),
  funnel           text NOT NULL,
  input_checksum   text NOT NULL,
  software_version text NOT NULL,
  computed_at      {timestamp} NOT NULL
);
