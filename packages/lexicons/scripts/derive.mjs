#!/usr/bin/env node
// Derives lexicon entries from the public data sets under ../shared/data and writes the data files in
// their house style. Run by hand from the repository root; review the diff before committing, and bump
// the file's `version` when its entries change.
//
//   node packages/lexicons/scripts/derive.mjs format   rewrite every data file in house style
//   node packages/lexicons/scripts/derive.mjs units    PLA unit entries (MISP threat actors, CPED, ResumeNER)
//   node packages/lexicons/scripts/derive.mjs aspi     PLA, police and MSS schools and the Seven Sons (ASPI)
//
// Derived entries are upserted by id: an entry with the same id is replaced in place, new ones are
// appended. Hand-written entries (any other id) are never touched. To change a derived entry, change the
// tables in this script and run it again.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const DATA = join(here, "..", "src", "data");
const SHARED = process.env.TIEGRAPH_SHARED_DATA ?? join(here, "..", "..", "..", "..", "shared", "data");
const FILES = ["targets", "state-bodies", "activities", "traps"];
const KEY_ORDER = [
  "id",
  "kind",
  "category",
  "target",
  "name",
  "name_zh",
  "aliases",
  "exact_case",
  "pattern",
  "parent",
  "source",
  "note",
];

// ---------------------------------------------------------------------------------------------------
// House style: one key per line, string lists on one line.

function formatEntry(e) {
  const keys = [...KEY_ORDER.filter((k) => k in e), ...Object.keys(e).filter((k) => !KEY_ORDER.includes(k))];
  const lines = keys.map((k) => {
    const v = e[k];
    if (k === "pattern") {
      return `      "pattern": { "trigger": ${JSON.stringify(v.trigger).replaceAll('","', '", "')}, "regex": ${JSON.stringify(v.regex)} }`;
    }
    const text = Array.isArray(v) ? JSON.stringify(v).replaceAll('","', '", "') : JSON.stringify(v);
    return `      ${JSON.stringify(k)}: ${text}`;
  });
  return `    {\n${lines.join(",\n")}\n    }`;
}

function formatFile(f) {
  const head = Object.keys(f)
    .filter((k) => k !== "entries")
    .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(f[k])}`);
  return `{\n${head.join(",\n")},\n  "entries": [\n${f.entries.map(formatEntry).join(",\n")}\n  ]\n}\n`;
}

const readData = (part) => JSON.parse(readFileSync(join(DATA, `${part}.json`), "utf8"));
const writeData = (part, file) => writeFileSync(join(DATA, `${part}.json`), formatFile(file));

function upsert(part, derived) {
  const file = readData(part);
  const index = new Map(file.entries.map((e, i) => [e.id, i]));
  let added = 0;
  let changed = 0;
  for (const e of derived) {
    const i = index.get(e.id);
    if (i === undefined) {
      file.entries.push(e);
      added++;
    } else if (JSON.stringify(file.entries[i]) !== JSON.stringify(e)) {
      file.entries[i] = e;
      changed++;
    }
  }
  writeData(part, file);
  console.log(`${part}: ${derived.length} derived, ${added} added, ${changed} changed`);
}

function shared(path) {
  const full = join(SHARED, path);
  if (!existsSync(full)) throw new Error(`missing ${full} (set TIEGRAPH_SHARED_DATA)`);
  return readFileSync(full, "utf8");
}

const uniq = (list) => {
  const seen = new Set();
  return list.filter((s) => {
    const k = s.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

// ---------------------------------------------------------------------------------------------------
// PLA units by cover designator.

const CN_DIGITS = {
  〇: "0",
  "○": "0",
  零: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

function deriveUnits() {
  /** designator -> { sources: Set, written: Set } */
  const units = new Map();
  const note = (num, source, written) => {
    const u = units.get(num) ?? { sources: new Set(), written: new Set() };
    u.sources.add(source);
    if (written) u.written.add(written);
    units.set(num, u);
  };

  // MISP threat-actor cluster (China subset): synonyms such as "PLA Unit 61398".
  const misp = JSON.parse(shared("pla-mss-threat-actors-misp/threat-actor-china-subset.json"));
  for (const actor of misp.values) {
    for (const syn of actor.meta?.synonyms ?? []) {
      const m = /^PLA Unit (\d{5})$/.exec(syn);
      if (m) note(m[1], `shared:pla-mss-threat-actors-misp (MISP threat-actor cluster: ${actor.value})`);
    }
  }

  // CPED organisation codes, category 军队: names with a numeric cover designator.
  const cped = shared("cped-china-political-elites/job_Title_code.csv")
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/);
  for (const line of cped.slice(1)) {
    const [, name, category] = line.split(",");
    if (category !== "军队" || !name) continue;
    const compact = name.replace(/\s+/g, "");
    const m =
      /^(?:中国人民解放军|解放军)?(?:海军|空军|陆军)?([0-9]{3,5}|[〇○零一二三四五六七八九]{5})部队$/.exec(
        compact,
      );
    if (!m) continue;
    const num = m[1].replace(/[〇○零一二三四五六七八九]/g, (c) => CN_DIGITS[c]);
    note(num, "shared:cped-china-political-elites (CPED organisation codes, 军队)", compact);
  }

  // ResumeNER (Sina Finance executive résumés): designators written in the text.
  for (const split of ["train", "dev", "test"]) {
    const text = shared(`resume-ner-zh/${split}.char.bmes`)
      .split("\n")
      .map((l) => (l.trim() === "" ? "\n" : l.split(/\s/)[0]))
      .join("");
    for (const m of text.matchAll(/(?:中国人民解放军|解放军|[\u4e00-\u9fff]{2}军区)?([0-9]{4,5})部队/g)) {
      note(m[1], "shared:resume-ner-zh (ResumeNER, Sina Finance résumés)", m[0]);
    }
  }

  const entries = [...units.entries()]
    .sort(([a], [b]) => a.length - b.length || a.localeCompare(b))
    .map(([num, u]) => {
      const aliases = [`${num}部队`, `解放军${num}部队`, `中国人民解放军${num}部队`];
      for (const w of u.written) aliases.push(w);
      if (num.length === 5) aliases.push(`Unit ${num}`, `PLA Unit ${num}`, `${num} Unit`);
      const entry = {
        id: `mil.unit.${num}`,
        kind: "state_body",
        category: "military",
        name: `PLA Unit ${num}`,
        name_zh: `中国人民解放军${num}部队`,
        aliases: uniq(aliases).filter((a) => a !== `中国人民解放军${num}部队`),
        parent: "mil.pla",
        source: [...u.sources].sort().join("; "),
      };
      if (num.length < 5) entry.note = "Older designator of fewer than five digits, not covered by mil.mucd.";
      return entry;
    });
  upsert("state-bodies", entries);
}

// ---------------------------------------------------------------------------------------------------
// ASPI China Defence Universities Tracker (MISP galaxy): PLA, PAP, police and MSS schools, Seven Sons.

const ASPI_SOURCE = "shared:aspi-defence-universities-misp (ASPI China Defence Universities Tracker, 2020)";

/** English name (as in the tracker) -> id; other names get `edu.<slug>`. */
const ASPI_IDS = {
  "National University of Defense Technology": "edu.nudt",
  "National Defense University": "edu.ndu",
  "Information Engineering University": "edu.ieu",
  "Army Engineering University": "edu.army_engineering",
  "Air Force Engineering University": "edu.afeu",
  "Naval University of Engineering": "edu.nue",
  "Rocket Force University of Engineering": "edu.rfeu",
  "Space Engineering University": "edu.space_engineering",
  "Academy of Military Science": "mil.ams",
  "China Aerodynamics Research and Development Center": "mil.cardc",
  "Northwest Institute of Nuclear Technology": "mil.nint",
  "Air Force Research Institute": "mil.plaaf_research_institute",
  "Army Research Institute": "mil.army_research_institute",
  "Naval Research Academy": "mil.navy_research_academy",
  "Rocket Force Research Institute": "mil.rocket_force_research_institute",
  "Chinese Academy of Engineering Physics": "def.caep",
  "People's Public Security University of China": "ps.ppsuc",
  "China People’s Police University": "ps.cppu",
  "Criminal Investigation Police University of China": "ps.cipuc",
  "Railway Police College": "ps.railway_police_college",
  "University of International Relations": "int.uir",
  "Jiangnan Social University": "int.jiangnan_social_university",
  "Nanjing Institute of Information Technology": "int.nanjing_841_institute",
  "Beijing Electronic Science and Technology Institute": "edu.besti",
  "Beihang University": "edu7.buaa",
  "Beijing Institute of Technology": "edu7.bit",
  "Harbin Institute of Technology": "edu7.hit",
  "Harbin Engineering University": "edu7.heu",
  "Northwestern Polytechnical University": "edu7.nwpu",
  "Nanjing University of Aeronautics and Astronautics": "edu7.nuaa",
  "Nanjing University of Science and Technology": "edu7.njust",
};

/** Research institutes the tracker files as Military: employers first, so `military`. */
const ASPI_MILITARY = new Set([
  "mil.ams",
  "mil.cardc",
  "mil.nint",
  "mil.plaaf_research_institute",
  "mil.army_research_institute",
  "mil.navy_research_academy",
  "mil.rocket_force_research_institute",
]);

const SUPERVISOR_PARENT = {
  "Central Military Commission (CMC)": "mil.cmc",
  "PLA Air Force": "mil.plaaf",
  "PLA Ground Force": "mil.pla_army",
  "PLA Navy": "mil.plan",
  "PLA Rocket Force": "mil.plarf",
  "PLA Strategic Support Force": "mil.ssf",
  "People's Armed Police (PAP)": "mil.pap",
  "Academy of Military Science": "mil.ams",
  "Ministry of Public Security (MPS)": "ps.mps",
  "Ministry of State Security (MSS)": "int.mss",
};

/**
 * Names the tracker lists that would match unrelated text: generic English (Naval Command College is
 * also a US Naval War College programme; Academy of Military Sciences is also Russian), acronyms that are
 * words or other things (AMS, SPA, NPU = neural processing unit, UIR and AUAF = other universities), and short Chinese forms inside other
 * words (空指 in 空指针, 九院, 警察大学 in Taiwan's 中央警察大學, 信息工程大学 in 南京信息工程大学).
 */
const ASPI_DROP = new Set([
  "AMS",
  "UIR",
  "AUAF",
  "SPA",
  "SPC",
  "NDU",
  "IEU",
  "NPU",
  "A/SEU",
  "空指",
  "九院",
  "警察大学",
  "Ninth Academy",
  "901 Institute",
  "Naval Academy",
  "Luoyang University",
  "Aerospace Engineering University",
  "Institute of Cadre Management",
  "Institute of International Politics",
  "Nanjing Institute of Information Technology",
  "Nanjing Information Technology Institute",
  "Nanjing Information Technology Academe",
  "Nanjing Research Institute of Information Technology",
  "Nanjing Information Technology Research Institute",
  "Academy of Military Sciences",
  "Academy of Military Science",
  "National Defense University",
  "Information Engineering University",
  "Railway Police College",
  "Special Police Academy",
  "Special Police of China",
  "Space Engineering University",
]);

/** Extra names the tracker lacks: common abbreviations and older names (public knowledge). */
const ASPI_EXTRA = {
  "edu.nudt": ["国防科技大学", "国防科大", "National University of Defense Technology"],
  "edu.ndu": ["国防大学", "PLA National Defense University", "National Defense University of the PLA"],
  "edu.ieu": [
    "解放军信息工程大学",
    "战略支援部队信息工程大学",
    "信息工程大学（郑州）",
    "PLA Information Engineering University",
    "Strategic Support Force Information Engineering University",
  ],
  "edu.army_engineering": ["解放军理工大学", "PLA University of Science and Technology"],
  "edu.space_engineering": ["航天工程大学", "装备学院", "PLA Space Engineering University"],
  "mil.ams": ["军事科学院", "PLA Academy of Military Science", "Chinese Academy of Military Science"],
  "ps.railway_police_college": ["MPS Railway Police College"],
  "def.caep": ["中物院", "China Academy of Engineering Physics"],
  "int.nanjing_841_institute": ["Nanjing 841 Institute"],
  "edu7.buaa": ["北航", "北京航空航天大学", "Beihang", "Beijing University of Aeronautics and Astronautics"],
  "edu7.bit": ["北理工", "北京理工大学"],
  "edu7.hit": ["哈工大", "哈尔滨工业大学"],
  "edu7.heu": ["哈工程", "哈尔滨工程大学"],
  "edu7.nwpu": ["西工大", "西北工业大学"],
  "edu7.nuaa": ["南京航空航天大学", "南京航天航空大学"],
  "edu7.njust": ["南京理工大学"],
};

const ASPI_NOTES = {
  "edu.ndu": "Taiwan's 國防大學 shares the traditional form; the ROC colleges are traps.",
  "edu7.nuaa": "南航 (also China Southern Airlines) is left out.",
  "edu7.njust":
    "南理工 is left out: it is inside 华南理工, 河南理工, 湖南理工. 南京理工 alone also names spin-off companies.",
  "edu7.buaa":
    "北航 is inside 东北航空, 西北航空, 河北航空, 湖北航宇, 华北航天: 东北航, 西北航, 河北航, 湖北航 and 华北航 are traps.",
  "edu7.bit":
    "北理工 is inside 华北理工, 河北理工, 湖北理工: those are traps. 北京理工 alone also names spin-off companies (北京理工中兴).",
  "int.uir":
    "国际关系学院 is also the school of international relations of many universities; 大学国际关系学院 is a trap.",
  "edu.besti": "Tracker category Security; run by the General Office of the CCP Central Committee.",
};

/** Acronyms (upper case, up to six characters) are matched with exact case as whole words. */
const ACRONYM = /^[A-Z][A-Z0-9]{1,6}$/;
/** English names that start with a bare service name get a PLA prefix instead (Naval Command College ...). */
const BARE_SERVICE = /^(?:Army|Navy|Naval|Air Force|Aviation|Rocket Force|Space)\b/;

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

function deriveAspi() {
  const galaxy = JSON.parse(shared("aspi-defence-universities-misp/china-defence-universities.json"));
  const entries = [];
  for (const v of galaxy.values) {
    const cats = v.meta?.categories ?? [];
    const kind = cats.includes("Seven sons of national defence")
      ? "seven"
      : cats.includes("Military")
        ? "military"
        : cats.includes("Security")
          ? "security"
          : null;
    if (!kind) continue;
    const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(v.value);
    const english = (m ? m[1] : v.value).trim();
    const chinese = m ? m[2].trim() : undefined;
    const id = ASPI_IDS[english] ?? `edu.${slug(english)}`;
    const supervisors = v.meta?.["supervising agencies"] ?? [];

    let category;
    if (kind === "seven") category = "defence_education_seven_sons";
    else if (id.startsWith("def.")) category = "defence_industry";
    else if (ASPI_MILITARY.has(id)) category = "military";
    else if (kind === "security" && supervisors.some((s) => s.includes("(MPS)")))
      category = "public_security";
    else if (kind === "security" && supervisors.some((s) => s.includes("(MSS)"))) category = "intelligence";
    else category = "defence_education";

    const names = [english, ...(v.meta?.aliases ?? []), ...(ASPI_EXTRA[id] ?? [])];
    const aliases = [];
    const exact = [];
    for (const raw of names) {
      const name = raw.trim();
      if (!name || ASPI_DROP.has(name) || name === chinese) continue;
      if (ACRONYM.test(name)) exact.push(name);
      else if (BARE_SERVICE.test(name) && !/\bPLA\b|People/.test(name)) aliases.push(`PLA ${name}`);
      else aliases.push(name);
    }
    const parent =
      kind === "seven"
        ? undefined
        : supervisors.map((s) => SUPERVISOR_PARENT[s]).find((p) => p !== undefined && p !== id);
    const entry = { id, kind: "state_body", category, name: english };
    if (chinese) entry.name_zh = chinese;
    entry.aliases = uniq(aliases);
    if (exact.length > 0) entry.exact_case = uniq(exact);
    if (parent) entry.parent = parent;
    entry.source = ASPI_SOURCE;
    if (ASPI_NOTES[id]) entry.note = ASPI_NOTES[id];
    entries.push(entry);
  }
  upsert("state-bodies", entries);
}

// ---------------------------------------------------------------------------------------------------

const command = process.argv[2];
if (command === "format") {
  for (const part of FILES) writeData(part, readData(part));
} else if (command === "units") {
  deriveUnits();
} else if (command === "aspi") {
  deriveAspi();
} else {
  console.error("usage: derive.mjs format | units | aspi");
  process.exit(2);
}
