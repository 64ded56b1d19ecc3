-- Episodes in blocks of up to a thousand of one import, one row each (storage/episode_blocks.hpp):
-- a row per episode cost each database a tuple, a key and a date-index entry per episode, most of
-- a national import's time. A block's text holds, per episode, its provider, admission day and
-- values; first_day and last_day bound its admission days, so that a read of a period skips the
-- blocks outside it without reading their text. The index gives an audit's blocks in the order
-- stored, as a read wants them (ordered by the days, SQLite sorted every block's text once more).
-- Provider ids are checked by the import, as before. On PostgreSQL the text is stored
-- uncompressed: compressing every block took longer than writing it.
CREATE TABLE episode_blocks (
  id          {id},
  audit_id    {bigint} NOT NULL REFERENCES audits (id),
  import_id   {bigint} NOT NULL REFERENCES episode_imports (id),
  first_day   {int} NOT NULL,
  last_day    {int} NOT NULL,
  episodes    {int} NOT NULL CHECK (episodes > 0),
  data        TEXT NOT NULL
);
CREATE INDEX episode_blocks_by_audit ON episode_blocks (audit_id, id);
-- [postgres]
ALTER TABLE episode_blocks ALTER COLUMN data SET STORAGE EXTERNAL;
-- [both]
-- [step]
DROP TABLE episodes;
