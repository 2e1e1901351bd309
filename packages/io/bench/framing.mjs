// JSON-lines framing throughput on a generated file (plain and gzip).
// Usage: npx tsc -b && node packages/io/bench/framing.mjs [MB=200]
// The file is generated once under the system temp directory and reused.
import { createWriteStream, existsSync, statSync } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { decodeRecord, frameCheck, readBatches } from "../dist/index.js";

const mb = Number(process.argv[2] ?? 200);
const dir = join(tmpdir(), "tiegraph-io-bench");
const plain = join(dir, `resumes-v2-${mb}mb.jsonl`);
const gz = `${plain}.gz`;
const csv = join(dir, `resumes-v2-${mb}mb.csv`);
const json = join(dir, `resumes-v2-${mb}mb.json`);

// Varied text so that the file compresses like real dumps rather than 60 to 1.
const POOL =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";
let seed = 1;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const words = (n) => Array.from({ length: n }, () => POOL[rand(POOL.length)]).join("");

/** Synthetic records shaped like resumes, about 1.5 KB each; no real data. */
function record(i) {
  const companies = [
    "华为技术有限公司",
    "某某网络科技有限公司",
    "Example Systems Ltd",
    "深圳某某电子有限公司",
  ];
  return JSON.stringify({
    id: `r${i}`,
    name: `候选人${i}`,
    phone: `1380000${String(i % 10000).padStart(4, "0")}`,
    work: [
      {
        company: companies[i % 4],
        title: "软件工程师",
        start: "2015-07",
        end: "2019-03",
        description: `负责基站软件开发与测试，参与多个项目。${words(60)}`,
      },
      {
        company: companies[(i + 1) % 4],
        title: "Senior Engineer",
        start: "2019-04",
        end: "至今",
        description: "Network planning and optimisation. ".repeat(6),
      },
    ],
    education: [{ school: "某某大学", degree: "本科", major: "通信工程", start: "2011-09", end: "2015-06" }],
    text: `熟悉 C/C++、Linux，具有良好的沟通能力与团队合作精神。${words(120)}`,
  });
}

async function generate() {
  await mkdir(dir, { recursive: true });
  if (!existsSync(plain)) {
    const out = createWriteStream(plain);
    const target = mb * 1024 * 1024;
    let written = 0;
    for (let i = 0; written < target; i++) {
      const line = `${record(i)}\n`;
      written += Buffer.byteLength(line);
      if (!out.write(line)) await new Promise((r) => out.once("drain", r));
    }
    await new Promise((r) => out.end(r));
  }
  if (!existsSync(csv) || !existsSync(json)) {
    const c = createWriteStream(csv);
    const j = createWriteStream(json);
    c.write("id,name,company,title,text\n");
    j.write("[\n");
    const target = mb * 1024 * 1024;
    let written = 0;
    for (let i = 0; written < target; i++) {
      const r = JSON.parse(record(i));
      const q = (v) => `"${String(v).replaceAll('"', '""')}"`;
      const row = `${r.id},${r.name},${q(r.work[0].company)},${q(r.work[0].title)},${q(`${r.text}\n${r.work[0].description}`)}\n`;
      const el = `${i > 0 ? ",\n" : ""}  ${JSON.stringify(r)}`;
      written += Buffer.byteLength(el);
      const waits = [];
      if (!c.write(row)) waits.push(new Promise((res) => c.once("drain", res)));
      if (!j.write(el)) waits.push(new Promise((res) => j.once("drain", res)));
      if (waits.length > 0) await Promise.all(waits);
    }
    j.write("\n]\n");
    await Promise.all([new Promise((r) => c.end(r)), new Promise((r) => j.end(r))]);
  }
  if (!existsSync(gz)) {
    const { createReadStream } = await import("node:fs");
    await pipeline(createReadStream(plain), createGzip({ level: 6 }), createWriteStream(gz));
  }
}

async function rawRead(path) {
  const fh = await open(path, "r");
  const buf = Buffer.allocUnsafe(4 << 20);
  let total = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  await fh.close();
  return total;
}

async function gunzipOnly(path) {
  const { createReadStream } = await import("node:fs");
  let total = 0;
  const { createGunzip } = await import("node:zlib");
  for await (const chunk of createReadStream(path).pipe(createGunzip())) total += chunk.length;
  return total;
}

async function frame(path, check, decode = false) {
  let records = 0;
  let rejected = 0;
  for await (const b of readBatches(path)) {
    const n = b.starts.length;
    records += n;
    rejected += b.rejections.length;
    if (check) for (let i = 0; i < n; i++) if (frameCheck(b, i) !== null) rejected++;
    if (decode) for (let i = 0; i < n; i++) if (!decodeRecord(b, i).ok) rejected++;
  }
  return { records, rejected };
}

/** Prints throughput by wall time and by CPU time (the latter is steadier on a shared machine). */
async function time(label, bytes, fn) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const r = await fn();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const rate = (t) => `${(bytes / 1048576 / t).toFixed(0).padStart(6)} MB/s`;
  console.log(
    `${label.padEnd(34)} wall ${rate(s)}  cpu ${rate(cpu)}  ${s.toFixed(2)} s  ${JSON.stringify(r)}`,
  );
}

await generate();
const rounds = 3;
const size = statSync(plain).size;
console.log(
  `file: ${(size / 1048576).toFixed(0)} MB plain, ${(statSync(gz).size / 1048576).toFixed(0)} MB gzip (MB/s of uncompressed bytes)`,
);
for (let r = 0; r < rounds; r++) {
  await time("raw read (baseline)", size, () => rawRead(plain));
  await time("readBatches plain", size, () => frame(plain, false));
  await time("readBatches plain + frameCheck", size, () => frame(plain, true));
}
await time("gunzip stream alone (baseline)", size, () => gunzipOnly(gz));
await time("readBatches gzip", size, () => frame(gz, false));
await time("readBatches plain + decodeRecord", size, () => frame(plain, false, true));
const csvSize = statSync(csv).size;
const jsonSize = statSync(json).size;
await time("readBatches csv", csvSize, () => frame(csv, false));
await time("readBatches csv + frameCheck", csvSize, () => frame(csv, true));
await time("readBatches csv + decodeRecord", csvSize, () => frame(csv, false, true));
await time("readBatches json array", jsonSize, () => frame(json, false));
