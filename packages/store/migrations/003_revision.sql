-- A number that grows with every write to the graph (statements, documents, datasets), so that a
-- reader holding the graph in memory can tell in one cheap query whether it has changed.

CREATE TABLE store_revision (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  revision bigint NOT NULL
);
INSERT INTO store_revision (one, revision) VALUES (true, 0);

CREATE FUNCTION bump_store_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_revision SET revision = revision + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER statements_revision AFTER INSERT OR UPDATE OR DELETE ON statements
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_revision();
CREATE TRIGGER documents_revision AFTER INSERT OR UPDATE OR DELETE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_revision();
CREATE TRIGGER datasets_revision AFTER INSERT OR UPDATE OR DELETE ON datasets
  FOR EACH STATEMENT EXECUTE FUNCTION bump_store_revision();
