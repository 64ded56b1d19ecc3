-- Where a document's bytes are kept (storage/document_files.hpp): 'database' (in
-- content_base64, as before) or 'directory' (the deployment's documents directory, the file
-- named by the document's SHA-256; content_base64 is then empty).
ALTER TABLE documents ADD COLUMN stored_in text NOT NULL DEFAULT 'database';
