import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { emptyCounts, type FunnelCounts, mergeCounts, type Profile, profilesMarkdown } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import { Progress } from "../progress.js";
import { VERSION } from "../version.js";
import { countOutcome, type Outcome, type Task, type TaskOptions, type TaskResult } from "./task.js";
import type { Job } from "./worker.js";

export interface ScreenRun {
  inputs: string[];
  out: string;
  workers: number;
  options: TaskOptions;
  /** Options as given by the user, for the manifest. */
  argv: Record<string, unknown>;
  /** Start afresh even when a matching checkpoint is found. */
  fresh: boolean;
  /** Size of the byte ranges large uncompressed JSON-lines files are split into. */
  shardBytes: number;
  progress: boolean;
}

export interface InputFile {
  file: string;
  size: number;
  sha256: string;
}

export interface Funnel extends FunnelCounts {
  /** When sampling: the sample drawn and the number of records it was drawn from. */
  sample?: { n: number; seed: number; population: number };
  manifest: {
    tool: { name: "tiegraph"; version: string };
    target: string;
    inputs: InputFile[];
    lexicon: { version: string; sha256: string };
    options: Record<string, unknown>;
    workers: number;
    started_at: string;
    finished_at: string;
    resumed: boolean;
  };
}

/** An input that cannot be read at all: the run stops with exit code 3. */
export class InputError extends Error {}

const CHECKPOINT = "checkpoint.jsonl";
const PARTIAL_PROFILES = "profiles.partial.jsonl";
const PARTIAL_SAMPLE = "sample.partial.tsv";

/** Input paths as files: directories are walked for resume dumps. */
export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const names = readdirSync(p).sort();
      const inner = names
        .map((n) => join(p, n))
        .filter((f) => statSync(f).isDirectory() || /\.(jsonl|ndjson|json|csv|tsv|txt)(\.gz)?$/i.test(f));
      out.push(...expandInputs(inner));
    } else {
      try {
        closeSync(openSync(p, "r"));
      } catch (e) {
        throw new InputError(`${p}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      out.push(p);
    }
  }
  return out;
}

/** Splits large uncompressed JSON-lines files into byte ranges; everything else is one task per file. */
export function planTasks(files: string[], shardBytes: number, format: TaskOptions["format"]): Task[] {
  const tasks: Task[] = [];
  files.forEach((file, fileIndex) => {
    const size = statSync(file).size;
    const head = Buffer.alloc(4);
    const fd = openSync(file, "r");
    const got = readSync(fd, head, 0, 4, 0);
    closeSync(fd);
    const gz = got >= 2 && head[0] === 0x1f && head[1] === 0x8b;
    const jsonl = format === "jsonl" || (format === "auto" && got > 0 && head[0] === 0x7b); // '{', no BOM
    if (gz || !jsonl || size <= shardBytes) {
      tasks.push({ index: tasks.length, file, fileIndex, bytes: size });
      return;
    }
    for (let start = 0; start < size; start += shardBytes) {
      const end = Math.min(size, start + shardBytes);
      tasks.push({ index: tasks.length, file, fileIndex, start, end, bytes: end - start });
    }
  });
  return tasks;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

interface CheckpointHeader {
  fingerprint: string;
  started_at: string;
}

interface CheckpointLine {
  task: number;
  hits: number;
  rejected: number;
  profiles: number;
  sampled: number;
  counts: FunnelCounts;
}

/** Appends to a file at a known length, so a checkpoint can truncate back to it. */
class Output {
  private fd: number;
  length: number;
  constructor(path: string, keep: number | null) {
    this.fd = openSync(path, keep === null ? "w" : "r+");
    if (keep !== null) ftruncateSync(this.fd, keep);
    this.length = keep ?? 0;
  }
  write(text: string): void {
    if (text.length === 0) return;
    const buf = Buffer.from(text, "utf8");
    writeSync(this.fd, buf, 0, buf.length, this.length);
    this.length += buf.length;
  }
  sync(): void {
    fdatasyncSync(this.fd);
  }
  close(): void {
    closeSync(this.fd);
  }
}

function fingerprintOf(run: ScreenRun, files: string[], lexiconHash: string): string {
  const inputs = files.map((f) => {
    const st = statSync(f);
    return [resolve(f), st.size, st.mtimeMs];
  });
  const { pseudonymKey: _key, ...options } = run.options;
  return createHash("sha256")
    .update(JSON.stringify({ inputs, options, lexiconHash, version: VERSION, shard: run.shardBytes }))
    .digest("hex");
}

function readCheckpoint(path: string, fingerprint: string): CheckpointLine | null | "mismatch" {
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, "utf8").split("\n");
  let header: CheckpointHeader;
  try {
    header = JSON.parse(lines[0] ?? "") as CheckpointHeader;
  } catch {
    return "mismatch";
  }
  if (header.fingerprint !== fingerprint) return "mismatch";
  let last: CheckpointLine | null = null;
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    try {
      last = JSON.parse(l) as CheckpointLine;
    } catch {
      break; // a line cut by a crash: the one before stands
    }
  }
  return last;
}

/** Numbers the lines of byte-range tasks: counts newlines per range on the workers, then adds up. */
async function numberLines(tasks: Task[], pool: Pool): Promise<void> {
  const ranged = tasks.filter((t) => t.start !== undefined && t.start > 0);
  if (ranged.length === 0) return;
  const jobs: Job[] = [];
  const byFile = new Map<string, Task[]>();
  for (const t of tasks) if (t.start !== undefined) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  for (const list of byFile.values()) {
    for (const t of list)
      jobs.push({ kind: "count", id: t.index, file: t.file, start: t.start!, end: t.end! });
  }
  const newlines = new Map<number, number>();
  await pool.run(jobs, (id, n) => newlines.set(id, n as number));
  for (const list of byFile.values()) {
    let before = 0;
    for (const t of list) {
      // A range starts after the first newline at or after its start.
      if (t.start! > 0) t.firstLine = before + 2;
      before += newlines.get(t.index)!;
    }
  }
}

/**
 * Runs a screen: tasks over a pool of worker threads, results written in input order (so the output
 * is the same for any number of workers), a checkpoint after every task so that a killed run resumes
 * where it stopped without losing or duplicating records.
 */
export async function runScreen(run: ScreenRun, log: (s: string) => void): Promise<Funnel> {
  const files = expandInputs(run.inputs);
  const lexicon = loadLexicon();
  mkdirSync(run.out, { recursive: true });
  const tasks = planTasks(files, run.shardBytes, run.options.format);
  const fingerprint = fingerprintOf(run, files, lexicon.hash);
  const checkpointPath = join(run.out, CHECKPOINT);
  const found = run.fresh ? null : readCheckpoint(checkpointPath, fingerprint);
  if (found === "mismatch") {
    log(`${checkpointPath} belongs to a different run (inputs or options changed): starting afresh\n`);
  }
  const resumeFrom = found && found !== "mismatch" ? found : null;
  const startedAt = new Date().toISOString();
  const sampling = run.options.sample !== null;

  const hits = new Output(join(run.out, "hits.jsonl"), resumeFrom?.hits ?? null);
  const rejected = new Output(join(run.out, "rejected.jsonl"), resumeFrom?.rejected ?? null);
  const profiles = new Output(join(run.out, PARTIAL_PROFILES), resumeFrom?.profiles ?? null);
  const sampled = new Output(join(run.out, PARTIAL_SAMPLE), resumeFrom?.sampled ?? null);
  const counts = resumeFrom ? mergeCounts(emptyCounts(), resumeFrom.counts) : emptyCounts();
  let checkpoint: Output;
  if (resumeFrom) {
    checkpoint = new Output(checkpointPath, statSync(checkpointPath).size);
    log(`resuming after task ${resumeFrom.task + 1} of ${tasks.length}\n`);
  } else {
    checkpoint = new Output(checkpointPath, null);
    checkpoint.write(
      `${JSON.stringify({ fingerprint, started_at: startedAt } satisfies CheckpointHeader)}\n`,
    );
    checkpoint.sync();
  }

  const hashing = Promise.all(files.map(sha256File));
  const todo = tasks.filter((t) => !resumeFrom || t.index > resumeFrom.task);
  const totalBytes = todo.reduce((s, t) => s + t.bytes, 0);
  const progress = run.progress ? new Progress(totalBytes) : null;

  const results = new Map<number, TaskResult>();
  let nextToWrite = todo[0]?.index ?? 0;
  const outputs = [hits, rejected, profiles, sampled];
  const flush = () => {
    for (let r = results.get(nextToWrite); r !== undefined; r = results.get(nextToWrite)) {
      results.delete(nextToWrite);
      hits.write(r.hits);
      rejected.write(r.rejected);
      profiles.write(r.profiles);
      sampled.write(r.sampled);
      mergeCounts(counts, r.counts);
      for (const o of outputs) o.sync();
      const line: CheckpointLine = {
        task: r.index,
        hits: hits.length,
        rejected: rejected.length,
        profiles: profiles.length,
        sampled: sampled.length,
        counts,
      };
      checkpoint.write(`${JSON.stringify(line)}\n`);
      checkpoint.sync();
      nextToWrite++;
    }
  };
  const pool = new Pool(run.workers);
  try {
    await numberLines(tasks, pool);
    const jobs: Job[] = todo.map((task) => ({ kind: "task", id: task.index, task, options: run.options }));
    await pool.run(
      jobs,
      (_id, r) => {
        const result = r as TaskResult;
        results.set(result.index, result);
        flush();
      },
      (bytes, records) => progress?.advance(bytes, records),
    );
  } finally {
    pool.close();
  }
  progress?.done();
  for (const o of outputs) o.close();
  checkpoint.close();

  let population: number | null = null;
  let final = counts;
  if (sampling) {
    population = counts.records_read;
    final = drawSample(run.out, run.options.sample!.n);
  }
  const inputs = await hashing;
  const funnel: Funnel = {
    ...final,
    ...(sampling
      ? { sample: { n: run.options.sample!.n, seed: run.options.sample!.seed, population: population! } }
      : {}),
    manifest: {
      tool: { name: "tiegraph", version: VERSION },
      target: run.options.target,
      inputs: files.map((file, i) => ({ file, size: statSync(file).size, sha256: inputs[i]! })),
      lexicon: { version: lexicon.version, sha256: lexicon.hash },
      options: run.argv,
      workers: run.workers,
      started_at: resumeFrom ? (readCheckpointHeader(checkpointPath)?.started_at ?? startedAt) : startedAt,
      finished_at: new Date().toISOString(),
      resumed: resumeFrom !== null,
    },
  };
  writeAtomic(join(run.out, "funnel.json"), `${JSON.stringify(funnel, null, 2)}\n`);
  const list = readLines(join(run.out, PARTIAL_PROFILES)).map((l) => JSON.parse(l) as Profile);
  writeAtomic(join(run.out, "profiles.json"), `${JSON.stringify(list, null, 2)}\n`);
  writeAtomic(
    join(run.out, "profiles.md"),
    profilesMarkdown(list, `Profiles with national-security experience (${run.options.target})`),
  );
  rmSync(join(run.out, PARTIAL_PROFILES));
  rmSync(join(run.out, PARTIAL_SAMPLE));
  rmSync(checkpointPath);
  return funnel;
}

function readLines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.length > 0);
}

function readCheckpointHeader(path: string): CheckpointHeader | null {
  try {
    return JSON.parse(readLines(path)[0] ?? "") as CheckpointHeader;
  } catch {
    return null;
  }
}

/**
 * The sample: of all tasks' candidates (each task's own bottom-k), the `n` with the smallest keys, in
 * input order. Writes hits, rejections and profiles of the drawn records and returns their counts.
 */
function drawSample(dir: string, n: number): FunnelCounts {
  const lines = readLines(join(dir, PARTIAL_SAMPLE));
  const keys = lines.map((l) => Number(l.slice(0, l.indexOf("\t"))));
  const threshold = n >= keys.length ? Number.POSITIVE_INFINITY : [...keys].sort((a, b) => a - b)[n - 1]!;
  const counts = emptyCounts();
  const hits: string[] = [];
  const rejected: string[] = [];
  const profiles: string[] = [];
  lines.forEach((l, i) => {
    if (keys[i]! > threshold) return;
    const o = JSON.parse(l.slice(l.indexOf("\t") + 1)) as Outcome;
    countOutcome(counts, o);
    if (o.hit) hits.push(JSON.stringify(o.hit));
    if (o.rejected) rejected.push(JSON.stringify(o.rejected));
    if (o.profile) profiles.push(JSON.stringify(o.profile));
  });
  const text = (xs: string[]) => (xs.length > 0 ? `${xs.join("\n")}\n` : "");
  writeFileSync(join(dir, "hits.jsonl"), text(hits));
  writeFileSync(join(dir, "rejected.jsonl"), text(rejected));
  writeFileSync(join(dir, PARTIAL_PROFILES), text(profiles));
  return counts;
}

function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

type WorkerMessage =
  | { type: "progress"; bytes: number; records: number }
  | { type: "result"; id: number; result: unknown };

/**
 * Worker threads that stay up for a whole run, so that each compiles its lexicon once. `run` hands each
 * worker the next job as it finishes one; results come back through `onResult` in completion order,
 * tagged with the job's id.
 */
export class Pool {
  private readonly workers: Worker[] = [];
  private closed = false;

  constructor(readonly size: number) {}

  private worker(i: number): Worker {
    let w = this.workers[i];
    if (!w) {
      w = new Worker(new URL("./worker.js", import.meta.url));
      this.workers[i] = w;
    }
    return w;
  }

  run(
    jobs: Job[],
    onResult: (id: number, result: unknown) => void,
    onProgress: (bytes: number, records: number) => void = () => {},
  ): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    const threads = Math.max(1, Math.min(this.size, jobs.length));
    return new Promise((resolveRun, reject) => {
      let next = 0;
      let running = 0;
      let failed = false;
      const active: Worker[] = [];
      const cleanup = () => {
        for (const w of active) {
          w.removeAllListeners("message");
          w.removeAllListeners("error");
          w.removeAllListeners("exit");
        }
      };
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        cleanup();
        this.close();
        reject(e);
      };
      const feed = (w: Worker) => {
        if (failed) return;
        if (next >= jobs.length) {
          if (running === 0) {
            cleanup();
            resolveRun();
          }
          return;
        }
        running++;
        w.postMessage(jobs[next++]);
      };
      for (let i = 0; i < threads; i++) {
        const w = this.worker(i);
        active.push(w);
        w.on("message", (m: WorkerMessage) => {
          if (m.type === "progress") {
            onProgress(m.bytes, m.records);
            return;
          }
          running--;
          try {
            onResult(m.id, m.result);
          } catch (e) {
            fail(e);
            return;
          }
          feed(w);
        });
        w.on("error", fail);
        w.on("exit", (code) => {
          if (!this.closed) fail(new Error(`a worker stopped unexpectedly (exit code ${code})`));
        });
      }
      for (const w of active) feed(w);
    });
  }

  close(): void {
    this.closed = true;
    for (const w of this.workers) void w?.terminate();
  }
}
