// Screen speed against ripgrep on a generated corpus of at least 1 GB.
//
//   npm run bench                       # 1 GB corpus, cached in ~/.cache/tiegraph-bench
//   TIEGRAPH_BENCH_GB=4 npm run bench   # a larger one
//
// Prints MB/s, records/s, peak RSS and the ratio to `rg -F -c -f` run with the screen's own literals.
// Needs Debian's ripgrep (apt-get install ripgrep) and, for peak RSS of ripgrep, GNU time (apt-get
// install time); tiegraph's own peak RSS is read from its process.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "packages/cli/dist/bin.js");
const gb = Number(process.env.TIEGRAPH_BENCH_GB ?? 1);
const dir = process.env.TIEGRAPH_BENCH_DIR ?? join(homedir(), ".cache", "tiegraph-bench");
mkdirSync(dir, { recursive: true });
// A leak, not a study subset: few target employees, fewer ties, traps as usual.
const rates = { target: 0.03, tie: 0.01, nationalSecurity: 0.004, activity: 0.01 };
const corpus = join(dir, `corpus-${gb}g.jsonl`);
const env = { ...process.env, TIEGRAPH_PSEUDONYM_KEY: process.env.TIEGRAPH_PSEUDONYM_KEY ?? "bench" };

function run(cmd, args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, maxBuffer: 1 << 30, encoding: "utf8", ...opts });
  const secs = (performance.now() - t) / 1000;
  if (r.error) throw r.error;
  return { ...r, secs };
}

const hasTime = existsSync("/usr/bin/time");
/** Runs under GNU time when present, for peak RSS (KB) of the whole process. */
function timed(cmd, args) {
  if (!hasTime) return { ...run(cmd, args), rssMb: null };
  const r = run("/usr/bin/time", ["-f", "%M", cmd, ...args]);
  const lines = r.stderr.trim().split("\n");
  return { ...r, rssMb: Number(lines[lines.length - 1]) / 1024 };
}

if (!existsSync(corpus) || statSync(corpus).size < gb * 1e9) {
  const probe = join(dir, "probe.jsonl");
  run("node", [
    cli,
    "generate",
    "resumes",
    "--count",
    "5000",
    "--seed",
    "1",
    "--out",
    probe,
    "--rates",
    JSON.stringify(rates),
  ]);
  const avg = statSync(probe).size / 5000;
  const count = Math.ceil((gb * 1.02e9) / avg);
  console.log(`generating ${count.toLocaleString("en-US")} resumes (~${gb} GB) into ${corpus} …`);
  const g = run(
    "node",
    [
      cli,
      "generate",
      "resumes",
      "--count",
      String(count),
      "--seed",
      "7",
      "--out",
      corpus,
      "--rates",
      JSON.stringify(rates),
    ],
    { stdio: "inherit" },
  );
  console.log(`generated in ${g.secs.toFixed(1)} s`);
}
const size = statSync(corpus).size;
const mb = size / 1e6;
const patterns = join(dir, "literals.txt");
writeFileSync(patterns, run("node", [cli, "lexicon", "literals", "--target", "huawei"]).stdout);
const nPatterns = readFileSync(patterns, "utf8").split("\n").filter(Boolean).length;

// Warm the page cache so that every contender reads from memory.
run("cat", [corpus], { stdio: "ignore" });

const rows = [];
const rg = spawnSync("rg", ["--version"]);
let rgSecs = null;
if (rg.error) {
  console.log("ripgrep not found (apt-get install ripgrep): ratios are not shown");
} else {
  const r = timed("rg", ["-F", "-c", "-f", patterns, corpus]);
  rgSecs = r.secs;
  rows.push(["rg -F -c -f (1 thread)", r.secs, Number(r.stdout.trim()), r.rssMb]);
}
let records = 0;
for (const workers of [1, 2]) {
  const out = join(dir, `screen-w${workers}`);
  const r = timed("node", [
    cli,
    "screen",
    corpus,
    "--target",
    "huawei",
    "--out",
    out,
    "--workers",
    String(workers),
    "--fresh",
    "--json",
    "--no-progress",
  ]);
  if (r.status !== 0) throw new Error(`screen failed: ${r.stderr}`);
  const funnel = JSON.parse(r.stdout);
  records = funnel.records_read;
  rows.push([`tiegraph screen --workers ${workers}`, r.secs, funnel.target_employees.total, r.rssMb]);
}

console.log(
  `\ncorpus ${corpus}: ${mb.toFixed(0)} MB, ${records.toLocaleString("en-US")} records; ${nPatterns} literals`,
);
console.log(
  `${"command".padEnd(30)} ${"seconds".padStart(8)} ${"MB/s".padStart(8)} ${"records/s".padStart(11)} ${"peak RSS MB".padStart(12)} ${"x ripgrep".padStart(10)}  found`,
);
for (const [name, secs, found, rss] of rows) {
  const ratio = rgSecs ? (rgSecs / secs).toFixed(2) : "-";
  console.log(
    `${name.padEnd(30)} ${secs.toFixed(2).padStart(8)} ${(mb / secs).toFixed(0).padStart(8)} ${Math.round(
      records / secs,
    )
      .toLocaleString("en-US")
      .padStart(11)} ${(rss === null ? "n/a" : rss.toFixed(0)).padStart(12)} ${ratio.padStart(10)}  ${found}`,
  );
}
