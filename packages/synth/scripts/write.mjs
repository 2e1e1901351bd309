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
// Lines are encoded straight into large buffers, so the strings die young and the byte count is exact.
const CHUNK = 4 << 20;
let bytes = 0;
let chunk = Buffer.allocUnsafe(CHUNK);
let off = 0;
let lchunk = Buffer.allocUnsafe(CHUNK);
let loff = 0;
async function flush() {
  bytes += off;
  if (out) await write(out, chunk.subarray(0, off));
  if (labels) await write(labels, lchunk.subarray(0, loff));
  if (out) chunk = Buffer.allocUnsafe(CHUNK);
  if (labels) lchunk = Buffer.allocUnsafe(CHUNK);
  off = 0;
  loff = 0;
}
if (csv) off += chunk.write(csvHeader, off);
for (const g of generateResumes({ count, seed, target: values.target })) {
  const line = csv ? toCsvRow(g) : formatJsonl(g);
  const label = labels ? formatLabelJsonl(g) : "";
  if (off + 3 * line.length > CHUNK || loff + 3 * label.length > CHUNK) await flush();
  off += chunk.write(line, off);
  if (labels) loff += lchunk.write(label, loff);
}
await flush();
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
