-- Documents attached as evidence (domain/evidence_document.hpp): to an action, or to an
-- outlier case at the stage it was in. The owner is named by kind ('action', 'outlier_case')
-- and id; the store checks that it exists, and each upload is also an entry of the owner's
-- history (action_events, outlier_events). The file's bytes are kept as base64 text, the one
-- form both databases store and return unchanged through the same statements. Times are
-- ISO 8601 UTC text, whose text order is time order.
-- (Types: see 0001_initial.sql.)
CREATE TABLE documents (
  id               {id},
  owner_kind       text NOT NULL,
  owner_id         {bigint} NOT NULL,
  stage            text NOT NULL DEFAULT '',
  file_name        text NOT NULL,
  media_type       text NOT NULL,
  size_bytes       {bigint} NOT NULL,
  sha256           text NOT NULL,
  uploaded_by      {bigint} REFERENCES users (id) ON DELETE SET NULL,
  uploaded_by_name text NOT NULL DEFAULT '',
  uploaded_at      text NOT NULL,
  content_base64   text NOT NULL
);
CREATE INDEX documents_by_owner ON documents (owner_kind, owner_id, uploaded_at, id);
