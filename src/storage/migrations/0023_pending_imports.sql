-- Checked files awaiting their user's confirmation on the import page
-- (domain/pending_import.hpp), held here rather than in one server's memory so that any
-- server can confirm them. A row lives until it is confirmed, replaced or expired (30
-- minutes); the file is kept as uploaded, in base64.
CREATE TABLE pending_imports (
  id             {id},  -- the order files were held in: a user's oldest make room first
  token_hash     text NOT NULL UNIQUE,
  user_id        {bigint} NOT NULL REFERENCES users (id),
  kind           text NOT NULL,
  filename       text NOT NULL,
  audit_code     text NOT NULL,
  content_base64 text NOT NULL,
  charge         {bigint} NOT NULL,
  held_at        {timestamp} NOT NULL,
  expires_at     {timestamp} NOT NULL
);
CREATE INDEX pending_imports_by_user ON pending_imports (user_id, id);
