#!/usr/bin/env node
// Writes synthetic resumes (JSONL or CSV) and their labels, and reports the generation speed.
// Usage: node packages/synth/scripts/write.mjs --count 100000 --seed 1 [--target huawei]
//        [--format jsonl|csv] [--out FILE] [--labels FILE]
// Without --out nothing is written: the run only measures generation + serialisation.
// Build first (npx tsc -b).
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { csvHeader, formatJsonl, formatLabelJsonl, generateResumes, toCsvRow } from "../dist/index.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    target: { type: "string", default: "huawei" },
    format: { type: "string", default: "jsonl" },
    out: { type: "string" },
    labels: { type: "string" },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
const csv = values.format === "csv";
const out = values.out ? createWriteStream(values.out) : null;
const labels = values.labels ? createWriteStream(values.labels) : null;

/** Writes a chunk, waiting for the stream to drain when its buffer is full. */
async function write(stream, chunk) {
  if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
}

const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let bytes = 0;
let buf = csv ? csvHeader : "";
let lbuf = "";
for (const g of generateResumes({ count, seed, target: values.target })) {
  buf += csv ? toCsvRow(g) : formatJsonl(g);
  if (labels) lbuf += formatLabelJsonl(g);
  if (buf.length > 1 << 20) {
    bytes += Buffer.byteLength(buf);
    if (out) await write(out, buf);
    if (labels) await write(labels, lbuf);
    buf = "";
    lbuf = "";
  }
}
bytes += Buffer.byteLength(buf);
if (out) await write(out, buf);
if (labels) await write(labels, lbuf);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
await Promise.all([out, labels].filter(Boolean).map((s) => new Promise((resolve) => s.end(resolve))));
const mb = bytes / 1e6;
console.log(
  `${count} records, ${mb.toFixed(1)} MB ${csv ? "CSV" : "JSONL"} in ${secs.toFixed(2)} s: ` +
    `${(mb / secs).toFixed(1)} MB/s, ${Math.round(count / secs)} records/s, ${Math.round(bytes / count)} B/record; ` +
    `CPU ${cpuSecs.toFixed(2)} s (${(mb / cpuSecs).toFixed(1)} MB/s of CPU time)`,
);
