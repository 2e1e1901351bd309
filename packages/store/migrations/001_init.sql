-- The evidence graph: datasets, documents, statements with provenance, human judgements.
-- Times are ISO 8601 text, so that both drivers return them as written.

CREATE TABLE datasets (
  name text PRIMARY KEY,
  title text,
  publisher text,
  url text,
  licence text,
  description text,
  created_at text NOT NULL
);

CREATE TABLE documents (
  id text PRIMARY KEY,
  sha256 text NOT NULL UNIQUE,
  text text NOT NULL,
  -- In UTF-16 code units, like the offsets of spans.
  length integer NOT NULL,
  title text,
  url text,
  publisher text,
  published text,
  mime_type text,
  file_name text,
  dataset text REFERENCES datasets (name),
  meta jsonb NOT NULL DEFAULT '{}',
  created_at text NOT NULL
);

CREATE TABLE statements (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  entity_id text NOT NULL,
  schema text NOT NULL,
  prop text NOT NULL,
  value text NOT NULL,
  -- The value again when the property refers to an entity, for the neighbours of an entity.
  ref text,
  dataset text NOT NULL REFERENCES datasets (name),
  lang text,
  original_value text,
  source jsonb NOT NULL,
  -- source.document when the source is a span of a stored document.
  document text REFERENCES documents (id),
  retrieved_at text,
  asserted_kind text NOT NULL CHECK (asserted_kind IN ('analyst', 'importer', 'extractor')),
  asserted_name text NOT NULL,
  stance text NOT NULL CHECK (stance IN ('reported', 'alleged', 'confirmed', 'denied')),
  answers text REFERENCES statements (id) DEFERRABLE INITIALLY DEFERRED,
  first_seen text NOT NULL,
  last_seen text NOT NULL
);
CREATE INDEX statements_entity ON statements (entity_id, seq);
CREATE INDEX statements_schema ON statements (schema, entity_id);
CREATE INDEX statements_dataset ON statements (dataset, entity_id);
CREATE INDEX statements_ref ON statements (ref) WHERE ref IS NOT NULL;
CREATE INDEX statements_document ON statements (document) WHERE document IS NOT NULL;
CREATE INDEX statements_answers ON statements (answers) WHERE answers IS NOT NULL;

-- What people decided about candidates, statements or matches; machine scores live elsewhere.
CREATE TABLE judgements (
  id text PRIMARY KEY,
  kind text NOT NULL,
  subject text NOT NULL,
  judgement text NOT NULL CHECK (judgement IN ('positive', 'negative', 'unsure')),
  judged_by text NOT NULL,
  judged_at text NOT NULL,
  why text
);
CREATE INDEX judgements_subject ON judgements (kind, subject, judged_at);

-- Trigram index for substring search (Chinese included), where the pg_trgm extension can be had;
-- search works without it, only slower.
DO $$
DECLARE
  ext_schema text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm not available: documents are searched without an index';
  END;
  SELECT n.nspname INTO ext_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
  IF ext_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX documents_text_trgm ON documents USING gin (text %I.gin_trgm_ops)', ext_schema);
  END IF;
END
$$;
