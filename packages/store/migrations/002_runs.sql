-- Screening runs: each run's summary and its hits (the screen's output, which names the input file and
-- line of each record but holds no record itself), and the audit log of what people did and saw.

CREATE TABLE runs (
  id text PRIMARY KEY,
  title text NOT NULL,
  target text NOT NULL,
  dir text NOT NULL,
  started_at text NOT NULL,
  finished_at text NOT NULL,
  funnel jsonb NOT NULL,
  imported_at text NOT NULL
);

CREATE TABLE run_hits (
  run text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  id text NOT NULL,
  seq integer NOT NULL,
  pseudonym text NOT NULL,
  status text,
  national_security boolean NOT NULL,
  categories text[] NOT NULL,
  score double precision NOT NULL,
  hit jsonb NOT NULL,
  PRIMARY KEY (run, id)
);
CREATE INDEX run_hits_order ON run_hits (run, seq);

CREATE TABLE audit (
  seq bigserial PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  note text
);
CREATE INDEX audit_subject ON audit (subject, seq);
