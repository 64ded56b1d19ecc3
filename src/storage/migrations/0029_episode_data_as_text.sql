-- Each episode's dataset values (migrations/0006_audit_datasets.sql) as text in PostgreSQL, as
-- SQLite already keeps them. The store writes the JSON and reads it back itself
-- (storage/episode_data.hpp) and no query looks inside it, so jsonb cost the server a parse of
-- every imported episode and a conversion back on every read, for nothing: a national import
-- of a million episodes spent most of its time there. The values are unchanged.
-- [postgres]
ALTER TABLE episodes ALTER COLUMN data TYPE text;
ALTER TABLE episodes ALTER COLUMN data SET DEFAULT '{}';
