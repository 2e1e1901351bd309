import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import {
  compileLexicon,
  evaluate,
  evaluationLines,
  funnelRows,
  type Hit,
  parseDate,
  type Truth,
  type YearMonth,
} from "@tiegraph/core";
import { decodeRecord, type FieldMap, parseFieldMap, readBatches, toResumeRecord } from "@tiegraph/io";
import { loadLexicon, targetGroups, traditionalOf } from "@tiegraph/lexicons";
import { defaultSeeds, loadDemo } from "@tiegraph/service";
import { StoreBusyError } from "@tiegraph/store";
import { formatJsonl, generateResumes } from "@tiegraph/synth";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { registerGraphCommands } from "./graph.js";
import { registerListCommands } from "./lists.js";
import { pseudonymKey } from "./pseudonym.js";
import { registerPublishCommand } from "./publish.js";
import { importRun, registerRunCommands } from "./runs.js";
import { expandInputs, InputError, runScreen } from "./screen/run.js";
import type { TaskOptions } from "./screen/task.js";
import { registerServeCommand, startServer, untilInterrupted } from "./serve.js";
import { DB_HELP, withStore } from "./shared.js";
import { registerTagCommands } from "./tags.js";
import { VERSION } from "./version.js";

/** Exit codes, declared once. */
export const EXIT = { ok: 0, failure: 1, usage: 2, input: 3 } as const;

/** A usage error found after parsing (bad option values): exit code 2. */
export class UsageError extends Error {}

const int = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
  return n;
};

function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map((r) => r[0].length));
  const v = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([k, x]) => `${k.padEnd(w)}  ${x.padStart(v)}`).join("\n");
}

function asOfDefault(): YearMonth {
  const d = new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Builds the `tiegraph` program. `out`/`err` receive everything printed. */
export function program(io: { out: (s: string) => void; err: (s: string) => void }): Command {
  const prog = new Command("tiegraph")
    .description(
      "Investigate technology companies' ties to state security, military and intelligence bodies.",
    )
    .version(VERSION)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  prog
    .command("screen")
    .description(
      "Screen resume dumps for employees of a target company and their ties to state bodies.\n" +
        "Writes hits.jsonl, funnel.json, rejected.jsonl, profiles.md and profiles.json to --out.",
    )
    .argument("<input...>", "resume files or directories (JSON lines, JSON, CSV/TSV; optionally .gz)")
    .requiredOption("--out <dir>", "output directory")
    .option("--target <group>", "target company group (see `tiegraph lexicon targets`)", "huawei")
    .option("--workers <n>", "worker threads", int("--workers", 1), defaultWorkers())
    .option("--sample <n>", "screen a reproducible random sample of n records", int("--sample", 1))
    .option("--seed <s>", "seed for --sample", int("--seed", 0), 1)
    .option("--map <file>", "JSON file mapping the source's fields onto the canonical record")
    .addOption(
      new Option("--format <format>", "input format")
        .choices(["auto", "jsonl", "json", "csv", "tsv"])
        .default("auto"),
    )
    .addOption(
      new Option("--encoding <encoding>", "input encoding")
        .choices(["auto", "utf-8", "gb18030", "gbk", "utf-16le", "utf-16be"])
        .default("auto"),
    )
    .addOption(
      new Option(
        "--invalid-encoding <how>",
        "records with bytes invalid in the encoding: set aside (reject) or kept with U+FFFD in their place (replace)",
      )
        .choices(["reject", "replace"])
        .default("reject"),
    )
    .option("--as-of <month>", "month that open-ended stints run to (YYYY-MM); default: this month")
    .option("--max-record-bytes <n>", "longest record accepted", int("--max-record-bytes", 1024), 4 << 20)
    .option(
      "--shard-mb <n>",
      "split large JSON-lines files into ranges of this many MB",
      int("--shard-mb", 1),
      32,
    )
    .option("--fresh", "ignore a checkpoint left by an interrupted run and start again")
    .option("--json", "print the funnel as JSON instead of a table")
    .option("--no-progress", "no progress bar (it is shown only on a terminal anyway)")
    .action((inputs: string[], o) => screen(inputs, o, io));

  prog
    .command("records")
    .description(
      "Print the first records of an input as canonical resume records (JSON lines), to check a --map file.",
    )
    .argument("<input>", "resume file (JSON lines, JSON, CSV/TSV; optionally .gz)")
    .option("--map <file>", "JSON file mapping the source's fields onto the canonical record")
    .option("--limit <n>", "how many records", int("--limit", 1), 5)
    .addOption(
      new Option("--encoding <encoding>", "input encoding")
        .choices(["auto", "utf-8", "gb18030", "gbk", "utf-16le", "utf-16be"])
        .default("auto"),
    )
    .action(async (input: string, o) => {
      const map = o.map ? await loadMap(o.map) : null;
      expandInputs([input]);
      let shown = 0;
      for await (const batch of readBatches(input, { encoding: o.encoding })) {
        for (const r of batch.rejections) {
          if (shown++ >= o.limit) return;
          io.out(`${JSON.stringify({ rejected: r })}\n`);
        }
        for (let i = 0; i < batch.starts.length; i++) {
          if (shown++ >= o.limit) return;
          const line = batch.lines[i]!;
          const decoded = decodeRecord(batch, i);
          const mapped = decoded.ok ? toResumeRecord(decoded.value, map, `${input}:${line}`) : decoded;
          io.out(
            `${JSON.stringify(mapped.ok ? mapped.value : { rejected: { file: input, line, code: mapped.code, message: mapped.message } })}\n`,
          );
        }
      }
    });

  prog
    .command("evaluate")
    .description(
      "Measure a screen's hits against ground truth (labels from `generate resumes`): precision and recall.",
    )
    .requiredOption("--hits <file>", "hits.jsonl of a screen")
    .requiredOption("--labels <file>", "labels.jsonl of the generated corpus")
    .option("--json", "print the evaluation as JSON")
    .action((o) => {
      const read = <T>(file: string): T[] =>
        readFileSync(file, "utf8")
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as T);
      const e = evaluate(read<Hit>(o.hits), read<Truth>(o.labels));
      io.out(o.json ? `${JSON.stringify(e, null, 2)}\n` : `${evaluationLines(e).join("\n")}\n`);
    });

  registerGraphCommands(prog, io, UsageError);
  registerListCommands(prog, io, UsageError);
  registerRunCommands(prog, io, UsageError);
  registerTagCommands(prog, io, UsageError);
  registerServeCommand(prog, io, UsageError);
  registerPublishCommand(prog, io, UsageError);

  const generate = prog.command("generate").description("Generate synthetic test data.");
  generate
    .command("resumes")
    .description(
      "Write synthetic resumes (Chinese and English) with planted ties, traps and ground-truth labels.",
    )
    .requiredOption("--out <file>", "output file (JSON lines; .gz compresses)")
    .option("--count <n>", "number of resumes", int("--count", 0), 1000)
    .option("--seed <s>", "random seed", int("--seed", 0), 1)
    .option("--labels <file>", "ground-truth labels (JSON lines)")
    .option("--target <group>", "group most planted employees work for", "huawei")
    .option(
      "--rates <json>",
      'planting rates as JSON, e.g. \'{"target":0.02,"tie":0.01}\' (keys: target, targetCurrent, tie, nationalSecurity, concurrent, activity, trap, zhText, en)',
    )
    .action((o) => writeResumes(o, io));

  const lexicon = prog.command("lexicon").description("Inspect the lexicons the screen uses.");
  lexicon
    .command("targets")
    .description("List the target groups.")
    .action(() => io.out(`${targetGroups(loadLexicon()).join("\n")}\n`));
  lexicon
    .command("stats")
    .description("Count entries by kind and category.")
    .action(() => {
      const lex = loadLexicon();
      const rows = new Map<string, number>();
      for (const e of lex.entries) {
        const k = `${e.kind}${e.category ? `:${e.category}` : e.target ? `:${e.target}` : ""}`;
        rows.set(k, (rows.get(k) ?? 0) + 1);
      }
      io.out(`lexicon ${lex.version} (sha256 ${lex.hash.slice(0, 12)})\n`);
      io.out(`${table([...rows].sort().map(([k, v]) => [k, String(v)]))}\n`);
    });
  lexicon
    .command("show")
    .description("Show one entry as JSON.")
    .argument("<id>", "entry id")
    .action((id: string) => {
      const e = loadLexicon().entries.find((x) => x.id === id);
      if (!e) throw new UsageError(`No such lexicon entry: ${id}`);
      io.out(`${JSON.stringify(e, null, 2)}\n`);
    });
  lexicon
    .command("literals")
    .description("Print the literals that make a record a candidate, one per line (for grep -F -f).")
    .option("--target <group>", "target group", "huawei")
    .action((o) => {
      const lex = compileLexicon(loadLexicon().entries, { target: o.target, traditional: traditionalOf });
      io.out(`${lex.literals.join("\n")}\n`);
    });

  prog
    .command("demo")
    .description(
      "The whole job on the embedded default, then the workbench in the browser: a synthetic corpus " +
        "under ./out/demo screened for Huawei, the sourced data set of the tech companies (and the seed " +
        "articles when ../shared/seeds holds them) and the run in the store, served at http://127.0.0.1:8420/.",
    )
    .option("--count <n>", "number of resumes", int("--count", 1), 20000)
    .option("--dir <dir>", "where to write", join("out", "demo"))
    .option("--fresh", "generate and screen again even when an earlier demo run is there")
    .option("--db <store>", DB_HELP)
    .option("--port <n>", "port (0: any free one)", int("--port", 0), 8420)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--no-serve", "stop after loading the store")
    .action(async (o) => {
      const corpus = join(o.dir, "resumes.jsonl");
      const out = join(o.dir, "screen");
      if (o.fresh || !existsSync(join(out, "funnel.json"))) {
        await writeResumes(
          { out: corpus, count: o.count, seed: 1, labels: join(o.dir, "labels.jsonl"), target: "huawei" },
          io,
        );
        await screen([corpus], { ...screenDefaults(), out, fresh: true }, io);
      } else io.out(`screening run in ${out} (--fresh to run it again)\n`);
      const seeds = defaultSeeds();
      await withStore(o.db, async (store) => {
        const loaded = await loadDemo(store, { seeds });
        io.out(`data set ${loaded.name} ${loaded.version}: ${loaded.statements} statements`);
        io.out(seeds ? `, seed articles from ${seeds}\n` : " (no seed articles beside the repository)\n");
        const run = await importRun(store, out);
        io.out(`run ${run.run}: ${run.hits} hits for review, ${run.people} people in the graph\n`);
      });
      if (!o.serve) return;
      const server = await startServer({ db: o.db, port: o.port, host: o.host }, io, UsageError);
      io.out(`open ${server.url} in a browser; Ctrl-C stops\n`);
      await untilInterrupted();
      await server.close();
    });

  return prog;
}

/** Reads and checks a `--map` file; a bad one is a usage error naming the file and the key. */
async function loadMap(path: string): Promise<FieldMap> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`--map ${path}: ${(e as Error).message}`);
  }
  const parsed = parseFieldMap(json, path);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.value;
}

/** `tiegraph screen`. */
export async function screen(
  inputs: string[],
  // biome-ignore lint/suspicious/noExplicitAny: commander hands options over untyped
  o: any,
  io: { out: (s: string) => void; err: (s: string) => void },
) {
  const map = o.map ? await loadMap(o.map) : null;
  const asOf = o.asOf ? parseDate(o.asOf) : asOfDefault();
  if (!asOf) throw new UsageError(`--as-of ${o.asOf}: not a month (YYYY-MM)`);
  if (!targetGroups(loadLexicon()).includes(o.target)) {
    throw new UsageError(`--target ${o.target}: unknown (known: ${targetGroups(loadLexicon()).join(", ")})`);
  }
  const options: TaskOptions = {
    target: o.target,
    format: o.format,
    encoding: o.encoding,
    map,
    asOf,
    maxRecordBytes: o.maxRecordBytes,
    invalidEncoding: o.invalidEncoding,
    pseudonymKey: pseudonymKey(),
    sample: o.sample !== undefined ? { n: o.sample, seed: o.seed } : null,
  };
  const argv = {
    target: o.target,
    format: o.format,
    encoding: o.encoding,
    invalid_encoding: o.invalidEncoding,
    map: o.map ?? null,
    as_of: `${asOf.year}-${String(asOf.month ?? 1).padStart(2, "0")}`,
    sample: o.sample ?? null,
    seed: o.sample !== undefined ? o.seed : null,
  };
  const funnel = await runScreen(
    {
      inputs,
      out: o.out,
      workers: o.workers,
      options,
      argv,
      fresh: Boolean(o.fresh),
      shardBytes: o.shardMb * 1e6,
      progress: o.progress !== false && process.stderr.isTTY === true,
    },
    io.err,
  );
  if (o.json) io.out(`${JSON.stringify(funnel, null, 2)}\n`);
  else {
    if (funnel.sample) {
      const { n, seed, population } = funnel.sample;
      io.out(
        `sample of ${n.toLocaleString("en-US")} (seed ${seed}) drawn from ${population.toLocaleString("en-US")} records\n`,
      );
    }
    io.out(`${table(funnelRows(funnel, o.target))}\n`);
    io.out(`\nwritten to ${o.out}: hits.jsonl, funnel.json, rejected.jsonl, profiles.md, profiles.json\n`);
  }
}

/** `tiegraph generate resumes`. */
export async function writeResumes(
  o: { out: string; count: number; seed: number; labels?: string; target: string; rates?: string },
  io: { err: (s: string) => void },
): Promise<void> {
  let rates: Record<string, number> | undefined;
  if (o.rates) {
    try {
      rates = JSON.parse(o.rates) as Record<string, number>;
    } catch (e) {
      throw new UsageError(`--rates: not JSON (${(e as Error).message})`);
    }
  }
  mkdirSync(dirname(o.out), { recursive: true });
  const out = openOut(o.out);
  const labels = o.labels ? openOut(o.labels) : null;
  let n = 0;
  const gen = generateResumes({
    count: o.count,
    seed: o.seed,
    target: o.target,
    ...(rates ? { rates } : {}),
  });
  for (const g of gen) {
    if (!out.stream.write(formatJsonl(g))) await new Promise((r) => out.stream.once("drain", r));
    if (labels && !labels.stream.write(`${JSON.stringify(g.label)}\n`)) {
      await new Promise((r) => labels.stream.once("drain", r));
    }
    n++;
  }
  out.stream.end();
  labels?.stream.end();
  await Promise.all([out.done, labels?.done]);
  io.err(`wrote ${n} resumes to ${o.out}${o.labels ? ` and labels to ${o.labels}` : ""}\n`);
}

/** A file to write, gzip-compressed when its name ends in .gz; `done` settles when it is closed. */
function openOut(path: string): { stream: Writable; done: Promise<void> } {
  const file = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    file.on("close", resolve);
    file.on("error", reject);
  });
  if (!path.endsWith(".gz")) return { stream: file, done };
  const gz = createGzip({ level: 6 });
  gz.pipe(file);
  return { stream: gz, done };
}

/** Runs the program on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const io = {
    out: (s: string) => void process.stdout.write(s),
    err: (s: string) => void process.stderr.write(s),
  };
  try {
    await program(io).parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof StoreBusyError) {
      io.err(`error: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.err(`error: ${e.message}\n`);
      return EXIT.input;
    }
    io.err(`error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}

/** The defaults of `tiegraph screen`'s options, for callers that do not go through the parser. */
export function screenDefaults() {
  return {
    target: "huawei",
    workers: defaultWorkers(),
    seed: 1,
    format: "auto",
    encoding: "auto",
    invalidEncoding: "reject",
    maxRecordBytes: 4 << 20,
    shardMb: 32,
    progress: true,
  };
}

function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}
