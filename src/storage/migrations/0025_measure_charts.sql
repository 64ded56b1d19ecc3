-- Making Data Count charts of each organisation's results on each measure
-- (domain/stored_measure_charts.hpp): computed when the results or the measure's settings
-- change (an import, an analysis run, a measure edit, the daily job after an upgrade) and
-- read by dashboards and board packs, so that no page charts every measure on a request.
-- One row per measure and organisation with a chart; `chart` holds the periods, the values
-- and the XmR chart over them as JSON (storage/sql_store_measure_charts.cpp).
CREATE TABLE measure_charts (
  measure_id       {bigint} NOT NULL REFERENCES measures (id),
  organisation_id  {bigint} NOT NULL REFERENCES organisations (id),
  points           {bigint} NOT NULL,
  chart            text NOT NULL,
  input_checksum   text NOT NULL,
  software_version text NOT NULL,
  computed_at      {timestamp} NOT NULL,
  PRIMARY KEY (measure_id, organisation_id)
);
CREATE INDEX measure_charts_organisation ON measure_charts (organisation_id);
