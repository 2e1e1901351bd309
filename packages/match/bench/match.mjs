// Names screened per second against the full Consolidated Screening List (not a test).
//
//   npm run build && node packages/match/bench/match.mjs [--n 3000] [--csl PATH]
//
// The queries are a mix: a third list names as written, a third list names with a typo or another
// legal form, a third made-up Chinese company names (simplified, some traditional) built from common
// name characters, glossary words, places and legal forms. One core, one process.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { traditionalForms } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import { buildIndex, match, parseCsl } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const cslPath = opt("csl", join(here, "../../../../shared/data/us-csl-2022/consolidated.csv.gz"));
const n = Number(opt("n", "3000"));
if (!existsSync(cslPath)) {
  console.error(`no list at ${cslPath}; pass --csl PATH`);
  process.exit(2);
}

// a small deterministic generator
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (a) => a[Math.floor(rand() * a.length)];

let t = performance.now();
const raw = readFileSync(cslPath);
const { entries } = parseCsl(cslPath.endsWith(".gz") ? gunzipSync(raw) : raw, { file: cslPath });
const parseMs = performance.now() - t;
t = performance.now();
const index = buildIndex(entries, { lexicon: loadLexicon().entries });
const indexMs = performance.now() - t;

const typo = (s) => {
  const i = 1 + Math.floor(rand() * Math.max(1, s.length - 2));
  const r = rand();
  if (r < 0.33) return s.slice(0, i) + s.slice(i + 1);
  if (r < 0.66) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + "x" + s.slice(i + 1);
};
const legal = ["Co., Ltd.", "Company Limited", "Ltd", "Inc.", "LLC", "Corporation", ""];
const chars = "华中海新天宏泰安康盛达兴恒金鑫源通信科创智远腾飞云";
const words = ["技术", "科技", "电子", "通信", "信息", "投资", "贸易", "实业", "网络", "软件", "半导体"];
const places = ["深圳市", "北京", "上海", "广州市", "杭州", "成都", "西安", "武汉", "南京", ""];
const legalZh = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"];
const queries = [];
for (let i = 0; i < n; i++) {
  const e = pick(entries);
  const kind = i % 3;
  if (kind === 0) queries.push({ schema: e.schema === "Person" ? "Person" : "Company", name: e.caption });
  else if (kind === 1) {
    const base = e.caption.replace(/,?\s*(Co\.,? Ltd\.?|Limited|Ltd\.?|Inc\.?|LLC)$/i, "");
    const name = rand() < 0.5 ? typo(base) : `${base} ${pick(legal)}`.trim();
    queries.push({ schema: e.schema === "Person" ? "Person" : "Company", name });
  } else {
    const core = pick([...chars]) + pick([...chars]) + (rand() < 0.3 ? pick([...chars]) : "");
    const zh = `${pick(places)}${core}${pick(words)}${pick(legalZh)}`;
    queries.push({ schema: "Company", name: rand() < 0.2 ? (traditionalForms(zh)[0] ?? zh) : zh });
  }
}
queries.push({ schema: "Company", name: "华为技术有限公司" }, { schema: "Company", name: "HiSilicon" });

for (const q of queries.slice(0, 300)) match(index, { schema: q.schema, properties: { name: [q.name] } });
t = performance.now();
const cpu0 = process.cpuUsage();
let matched = 0;
for (const q of queries) {
  const r = match(index, { schema: q.schema, properties: { name: [q.name] } }, { limit: 5 });
  if (r[0]?.match) matched++;
}
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  JSON.stringify(
    {
      entries: entries.length,
      names_indexed: index.forms.length,
      parse_ms: Math.round(parseMs),
      index_ms: Math.round(indexMs),
      queries: queries.length,
      query_ms: Math.round(ms),
      names_per_second: Math.round((queries.length / ms) * 1000),
      cpu_ms: Math.round(cpuMs),
      names_per_cpu_second: Math.round((queries.length / cpuMs) * 1000),
      top_result_match: matched,
    },
    null,
    1,
  ),
);
