import { existsSync, readFileSync } from "node:fs";
import { compileLexicon, type LexiconEntry, type LexiconFile, STATE_CATEGORIES } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { canonicalJson, lexiconIdentity, loadLexicon, targetGroups, validateLexicon } from "./index.js";

const lex = loadLexicon();
const byId = new Map(lex.entries.map((e) => [e.id, e]));
const entry = (id: string): LexiconEntry => {
  const e = byId.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
/** Does the entry's regex match the whole of `text`? */
const patternCovers = (id: string, text: string): boolean => {
  const re = new RegExp(entry(id).pattern!.regex, "gu");
  return [...text.matchAll(re)].some((m) => m[0] === text);
};
/** Does the entry's regex match anywhere in `text`? */
const patternHits = (id: string, text: string): string[] =>
  [...text.matchAll(new RegExp(entry(id).pattern!.regex, "gu"))].map((m) => m[0]);
const names = (e: LexiconEntry): string[] => [
  ...e.aliases,
  ...(e.exact_case ?? []),
  ...(e.name_zh ? [e.name_zh] : []),
];
/** Entries that name `text` exactly (an alias, exact_case literal or name_zh) or whose pattern matches all of it. */
const resolvers = (text: string): string[] =>
  lex.entries
    .filter(
      (e) =>
        names(e).some((n) => n.toLowerCase() === text.toLowerCase()) ||
        (e.pattern !== undefined && patternCovers(e.id, text)),
    )
    .map((e) => e.id);

describe("the shipped lexicon", () => {
  it("has no validation problems", () => {
    expect(validateLexicon(lex.files)).toEqual([]);
  });

  it("has a version per file and a stable SHA-256 hash", () => {
    expect(lex.version).toMatch(/^targets@[\d.]+\+state-bodies@[\d.]+\+activities@[\d.]+\+traps@[\d.]+$/);
    expect(lex.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loadLexicon()).toBe(lex);
    expect(lexiconIdentity(lex.files).hash).toBe(lex.hash);
    expect(lex.entries.length).toBe(lex.files.reduce((n, f) => n + f.entries.length, 0));
  });

  it("knows at least 11 target groups, Huawei among them", () => {
    const groups = targetGroups(lex);
    expect(groups.length).toBeGreaterThanOrEqual(11);
    for (const g of ["huawei", "zte", "hikvision", "dahua", "bytedance", "iflytek", "sensetime", "megvii"]) {
      expect(groups).toContain(g);
    }
    for (const g of [
      "tencent",
      "alibaba",
      "baidu",
      "inspur",
      "uniview",
      "cloudwalk",
      "yitu",
      "meiya_pico",
      "nuctech",
    ]) {
      expect(groups).toContain(g);
    }
  });

  it("has at least 15 Huawei entries, HiSilicon and Futurewei among them", () => {
    const huawei = lex.entries.filter((e) => e.kind === "target" && e.target === "huawei");
    expect(huawei.length).toBeGreaterThanOrEqual(15);
    expect(resolvers("海思半导体")).toContain("target.huawei.hisilicon");
    expect(resolvers("HiSilicon")).toContain("target.huawei.hisilicon");
    expect(resolvers("Futurewei Technologies")).toContain("target.huawei.futurewei");
    for (const name of [
      "Toga Networks",
      "Hua Ying Management",
      "Proven Glory",
      "Shenzhen Smartcom",
      "华为终端",
      "2012实验室",
    ]) {
      expect(resolvers(name).some((id) => id.startsWith("target.huawei."))).toBe(true);
    }
  });

  it("has entries in each of the six state-body categories", () => {
    for (const c of STATE_CATEGORIES) {
      expect(lex.entries.filter((e) => e.kind === "state_body" && e.category === c).length).toBeGreaterThan(
        3,
      );
    }
  });

  it("lists every trap the screen relies on", () => {
    const trapLiterals = new Set(lex.entries.filter((e) => e.kind === "trap").flatMap((e) => e.aliases));
    for (const t of [
      "军训",
      "解放路",
      "解放大道",
      "解放北路",
      "公安县",
      "国家安全生产监督管理总局",
      "国家安全生产",
      "北京国安",
      "部队火锅",
      "Salvation Army",
      "Navy Federal Credit Union",
      "大华银行",
      "大华会计师事务所",
      "海军路",
      "美国国家安全局",
      "中国电科院",
      "大学国际关系学院",
      "华为认证",
      "华为杯",
    ]) {
      expect(trapLiterals, t).toContain(t);
    }
    // 公安部门 as a customer is for the screen's rules, not a trap.
    expect(trapLiterals).not.toContain("公安部门");
  });
});

describe("unit cover designators", () => {
  it("resolve 61398部队 and Unit 61398 to Unit 61398 by alias and by the generic pattern", () => {
    for (const text of ["61398部队", "Unit 61398"]) {
      const ids = resolvers(text);
      expect(ids, text).toContain("mil.unit.61398");
      expect(ids, text).toContain("mil.mucd");
    }
  });

  it("cover the written forms of a designator", () => {
    for (const text of [
      "解放军61398部队",
      "中国人民解放军61398部队",
      "兰州军区84564部队",
      "00423部队",
      "PLA Unit 61398",
      "61398 Unit",
      "PLA Navy Unit 91388",
      "Unit 78020 of the People's Liberation Army",
      "空军三九七九七部队",
    ]) {
      expect(patternCovers("mil.mucd", text), text).toBe(true);
    }
    for (const unit of ["61398", "61486", "78020", "69010", "65017", "61419"]) {
      expect(byId.has(`mil.unit.${unit}`), unit).toBe(true);
    }
  });

  it("ignore postcodes, staff numbers, hotpot and US APO addresses", () => {
    for (const text of [
      "518129",
      "邮编518129",
      "工号61398",
      "工号 61398",
      "部队火锅",
      "Unit 518129",
      "Unit 45013 Box 2666, APO AP 96338",
      "unit price 15000",
      "1234567部队",
    ]) {
      expect(patternHits("mil.mucd", text), text).toEqual([]);
    }
  });
});

describe("patterns for bodies named by place and number", () => {
  it("state security: a PRC place, never the NSA, Taiwan, work safety or the football club", () => {
    for (const t of [
      "天津市国家安全局",
      "广东省国家安全厅",
      "北京国安局",
      "深圳市国家安全局",
      "新疆维吾尔自治区国家安全厅",
    ]) {
      expect(patternCovers("int.mss_local", t), t).toBe(true);
    }
    for (const t of [
      "美国国家安全局",
      "國家安全局",
      "国家安全生产监督管理总局",
      "北京国安足球俱乐部",
      "国家安全局",
    ]) {
      expect(patternHits("int.mss_local", t), t).toEqual([]);
    }
    expect(patternHits("int.mss_local", "2015年就职于深圳市国家安全局")).toEqual(["深圳市国家安全局"]);
    expect(patternCovers("int.mss_state_security_bureau_en", "Shanghai State Security Bureau")).toBe(true);
    expect(
      patternHits("int.mss_state_security_bureau_en", "the State Security Department of North Korea"),
    ).toEqual([]);
  });

  it("public security bureaus, sub-bureaus and police stations; not the county of 公安县", () => {
    for (const t of [
      "深圳市公安局南山分局",
      "公安县公安局",
      "新疆维吾尔自治区公安厅",
      "乌鲁木齐市公安局",
      "南山派出所",
      "上海铁路公安处",
    ]) {
      expect(patternCovers("ps.local", t), t).toBe(true);
    }
    expect(patternHits("ps.local", "湖北省公安县")).toEqual([]);
    expect(patternHits("ps.local", "先后就职于杭州市公安局")).toEqual(["杭州市公安局"]);
    expect(patternCovers("ps.local_en", "Public Security Bureau of Shenzhen")).toBe(true);
    expect(patternCovers("ps.local_en", "Urumqi Municipal Public Security Bureau")).toBe(true);
    expect(patternHits("ps.local_en", "Springfield Police Department")).toEqual([]);
    expect(patternCovers("ps.mps_institute", "公安部第三研究所")).toBe(true);
    expect(patternCovers("ps.mps_institute", "公安部三所")).toBe(true);
    expect(patternHits("ps.mps_institute", "公安部门")).toEqual([]);
  });

  it("defence-industry institutes and academies by number", () => {
    for (const t of [
      "中国电子科技集团公司第十四研究所",
      "中电科14所",
      "电科54所",
      "中国电科38所",
      "CETC 54th Research Institute",
    ]) {
      expect(patternCovers("def.cetc_institute", t), t).toBe(true);
    }
    expect(patternCovers("def.cetc_institute", "14th Research Institute of CETC")).toBe(true);
    expect(patternHits("def.cetc_institute", "中国电科院")).toEqual([]);
    expect(patternCovers("def.casic_academy", "航天科工二院")).toBe(true);
    expect(patternCovers("def.casic_academy", "中国航天科工集团二院")).toBe(true);
    expect(patternCovers("def.casic_academy", "航天科工二院23所")).toBe(true);
    expect(patternCovers("def.casc_academy", "航天科技五院")).toBe(true);
    expect(patternCovers("def.space_academy", "航天一院")).toBe(true);
    expect(patternCovers("def.avic_institute", "航空工业601所")).toBe(true);
    expect(patternCovers("def.cssc_institute", "中船重工第七〇九研究所")).toBe(true);
    expect(patternCovers("def.norinco_institute", "中国兵器工业第二〇二研究所")).toBe(true);
  });

  it("military districts, county armed forces departments and group armies", () => {
    expect(patternCovers("mil.garrison", "北京卫戍区")).toBe(true);
    expect(patternCovers("mil.garrison", "阿拉善军分区")).toBe(true);
    expect(patternHits("mil.garrison", "负责空军区域管制")).toEqual([]);
    expect(patternCovers("mil.pafd", "新建县人民武装部")).toBe(true);
    expect(patternHits("mil.pafd", "清华大学人民武装部")).toEqual([]);
    expect(patternHits("mil.pafd", "南校区武装部")).toEqual([]);
    expect(patternCovers("mil.group_army", "陆军第七十一集团军")).toBe(true);
    expect(patternCovers("ps.police_college", "浙江警察学院")).toBe(true);
    expect(patternCovers("mil.service_units", "海军潜艇一支队")).toBe(true);
    expect(patternCovers("mil.service_units", "陆军第二十八军")).toBe(true);
    expect(patternHits("mil.service_units", "上海军工路100号")).toEqual([]);
    expect(patternHits("mil.service_units", "海军蓝制服")).toEqual([]);
  });

  it("PLA schools by service, in simplified script only", () => {
    for (const t of [
      "解放军南京政治学院",
      "空军指挥学院",
      "广州军区步兵学校",
      "中国人民解放军电子技术学院",
    ]) {
      expect(patternCovers("edu.pla_schools", t), t).toBe(true);
    }
    expect(patternHits("edu.pla_schools", "陸軍軍官學校")).toEqual([]);
    expect(patternHits("edu.pla_schools", "解放军服役后考入北京大学")).toEqual([]);
  });
});

describe("resolution of phrases as the screen reads them", () => {
  const cases: [string, string | null][] = [
    ["华为技术有限公司", "target.huawei.technologies"],
    ["華為技術有限公司", "target.huawei.technologies"],
    ["Huawei Technologies Co., Ltd.", "target.huawei.technologies"],
    ["深圳市海思半导体有限公司", "target.huawei.hisilicon"],
    ["上海华为技术有限公司", "target.huawei.co_shanghai"],
    ["华为海洋网络有限公司", "target.huawei.marine"],
    ["华为云计算技术有限公司", "target.huawei.cloud"],
    ["中兴通讯股份有限公司", "target.zte.corporation"],
    ["杭州海康威视数字技术股份有限公司", "target.hikvision.main"],
    ["浙江大华技术股份有限公司", "target.dahua.main"],
    ["北京字节跳动科技有限公司", "target.bytedance.main"],
    ["抖音", "target.bytedance.douyin"],
    ["中国人民解放军61398部队", "mil.unit.61398"],
    ["中国人民解放军91234部队", "mil.mucd"],
    ["中国人民解放军战略支援部队", "mil.ssf"],
    ["武警北京总队", "mil.pap"],
    ["总参三部", "mil.gsd_3pla"],
    ["People's Liberation Army Navy", "mil.plan"],
    ["中国人民解放军海军", "mil.plan"],
    ["国家安全部", "int.mss"],
    ["北京市国家安全局", "int.mss_beijing"],
    ["广东省国家安全厅", "int.mss_guangdong"],
    ["四川省国家安全厅", "int.mss_local"],
    ["Ministry of State Security", "int.mss"],
    ["Shanghai State Security Bureau", "int.mss_shanghai"],
    ["公安部第三研究所", "ps.mps_third_institute"],
    ["深圳市公安局南山分局", "ps.local"],
    ["公安县公安局", "ps.local"],
    ["中国电子科技集团公司第十四研究所", "def.cetc_14"],
    ["中国航天科工集团二院", "def.casic_academy"],
    ["中国航空工业集团", "def.avic"],
    ["国防科技大学", "edu.nudt"],
    ["解放军信息工程大学", "edu.ieu"],
    ["National University of Defense Technology", "edu.nudt"],
    ["哈尔滨工业大学", "edu7.hit"],
    ["北京航空航天大学", "edu7.buaa"],
    ["西北工业大学", "edu7.nwpu"],
    ["国际关系学院", "int.uir"],
    ["解放军南京政治学院", "edu.pla_schools"],
    ["中国人民解放军第四军医大学", "edu.air_force_medical_university"],
    ["2008.09-2012.06 国防科技大学 计算机 本科", "edu.nudt"],
    ["2015.04-至今 深圳市公安局南山分局 网警", "ps.local"],
    ["参与合法监听（LI）功能开发", "act.lawful_interception"],
    ["lawful interception gateway", "act.lawful_interception"],
    ["平安城市项目", "act.public_security_surveillance"],
    ["雪亮工程", "act.public_security_surveillance"],
    // Traps and look-alikes: nothing.
    ["2012年参加大学军训", null],
    ["家住解放路12号", null],
    ["湖北省公安县", null],
    ["公安县农业发展有限公司", null],
    ["国家安全生产监督管理总局", null],
    ["北京国安足球俱乐部", null],
    ["部队火锅", null],
    ["Salvation Army volunteer", null],
    ["Navy Federal Credit Union", null],
    ["邮编518129", null],
    ["工号 61398", null],
    ["大华银行", null],
    ["中国电科院", null],
    ["北京大学国际关系学院", null],
    ["华为认证网络工程师", null],
    ["研究生数学建模竞赛华为杯二等奖", null],
    ["东北航空", null],
    ["华北理工大学", null],
    ["华南理工大学", null],
    ["南京信息工程大学", null],
    ["海思科医药集团", null],
    ["网络安全部工程师", null],
    ["信息安全部", null],
    ["3D printing with PLA filament", null],
    ["tuned TCP MSS clamping", null],
    ["Managed SAP CMC and BO", null],
    ["熟练使用数据采集卡", null],
    ["模型总参数量7B", null],
    ["总装车间主任", null],
    ["上海康复医院", null],
    ["阿里地区", null],
    ["美国国家安全局", null],
    ["中央司法警官学院", null],
    ["服役：陸軍步兵第二五七旅", null],
    ["佳讯飞鸿电气股份有限公司", null],
    ["湖北航宇嘉泰飞机设备有限公司", null],
    ["Ministry of Public Security of Vietnam", null],
    ["江西洪都钢厂", null],
    ["以振兴中华为己任", null],
  ];
  for (const [text, id] of cases) {
    it(`${text} → ${id ?? "nothing"}`, () => {
      const found = resolve(lex.entries, text).map((f) => f.id);
      if (id === null) expect(found).toEqual([]);
      else expect(found).toContain(id);
    });
  }
});

describe("identity and compilation", () => {
  it("canonical JSON ignores key order and formatting", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it("the hash changes when an alias changes, not when keys are reordered", () => {
    const files: LexiconFile[] = structuredClone(lex.files);
    const first = files[0]!.entries[0]!;
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as unknown as LexiconEntry;
    files[0]!.entries[0] = reordered;
    expect(lexiconIdentity(files).hash).toBe(lex.hash);
    reordered.aliases = [...reordered.aliases, "新别名"];
    expect(lexiconIdentity(files).hash).not.toBe(lex.hash);
  });

  it("compiles with the core matcher", () => {
    for (const g of ["huawei", "zte"]) {
      const compiled = compileLexicon(lex.entries, { target: g });
      expect(compiled.matcher.test(new TextEncoder().encode("曾任中国人民解放军61398部队参谋"))).toBe(true);
    }
  });
});

const KAGGLE = "../shared/data/resume-en-kaggle-categories/UpdatedResumeDataSet.csv";

/** The `Resume` column of a two-column CSV with quoted, multi-line fields. */
function csvSecondColumn(text: string): string[] {
  const out: string[] = [];
  let field = "";
  let col = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      col++;
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (col === 1) out.push(field);
      col = 0;
      field = "";
    } else field += c;
  }
  if (col === 1) out.push(field);
  return out.slice(1);
}

describe.skipIf(!existsSync(KAGGLE))("false alarms on a benign English resume corpus", () => {
  it("no state-body name occurs in the Kaggle resumes", () => {
    const resumes = csvSecondColumn(readFileSync(KAGGLE, "utf8"));
    const bodies = lex.entries.filter((e) => e.kind === "state_body" || e.kind === "trap");
    // The core matcher finds the few resumes with any candidate literal; only those are read closely.
    const matcher = compileLexicon(lex.entries, { target: "huawei" }).matcher;
    const encoder = new TextEncoder();
    const hits = new Map<string, number>();
    let candidates = 0;
    for (const r of resumes) {
      if (!matcher.test(encoder.encode(r))) continue;
      candidates++;
      for (const f of resolve(bodies, r))
        hits.set(`${f.id} "${f.text}"`, (hits.get(`${f.id} "${f.text}"`) ?? 0) + 1);
    }
    const list = [...hits].map(([k, n]) => `${k} x${n}`).join(", ");
    console.log(
      `${resumes.length} benign resumes, ${candidates} with a candidate literal; state-body mentions: ${list || "none"}`,
    );
    expect(resumes.length).toBeGreaterThan(900);
    expect([...hits.keys()]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

/** Is `id` the parent, grandparent … of `e`? */
function isAncestor(id: string, e: LexiconEntry): boolean {
  for (let p = e.parent; p !== undefined; p = byId.get(p)?.parent) if (p === id) return true;
  return false;
}

interface Found {
  id: string;
  text: string;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[A-Za-z0-9]/;

function occurrences(
  text: string,
  lower: string,
  literal: string,
  exact: boolean,
  whole: boolean,
): [number, number][] {
  const hay = exact ? text : lower;
  const needle = exact ? literal : literal.toLowerCase();
  const out: [number, number][] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (whole && ((i > 0 && WORD.test(text[i - 1]!)) || (end < text.length && WORD.test(text[end]!))))
      continue;
    out.push([i, end]);
  }
  return out;
}

/**
 * A plain reading of the lexicon by the rules the screen applies: names match as substrings with ASCII
 * case folded (Latin names of up to four characters and exact_case literals only as whole words, the
 * latter in exact case); a pattern's regex runs in 24 characters either side of a trigger and must
 * overlap it; a trap suppresses the mentions it overlaps unless it lies inside a longer one; the longest
 * mention wins, and a generic pattern match takes the id of a named entry it contains unless that entry
 * is one of its ancestors (中国人民解放军91234部队 stays a unit, not the PLA at large).
 */
function resolve(entries: readonly LexiconEntry[], text: string): Found[] {
  const mentions: { e: LexiconEntry; s: number; t: number }[] = [];
  const traps: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const e of entries) {
    const exact = new Set(e.exact_case ?? []);
    for (const n of names(e)) {
      const isExact = exact.has(n);
      const whole = isExact || (!HAN.test(n) && n.length <= 4);
      for (const [s, t] of occurrences(text, lower, n, isExact, whole)) {
        if (e.kind === "trap") traps.push([s, t]);
        else mentions.push({ e, s, t });
      }
    }
    if (!e.pattern) continue;
    const re = new RegExp(e.pattern.regex, "gu");
    for (const trigger of e.pattern.trigger) {
      for (const [ts, tt] of occurrences(text, lower, trigger, false, false)) {
        const lo = Math.max(0, ts - 24);
        const window = text.slice(lo, Math.min(text.length, tt + 24));
        for (const m of window.matchAll(re)) {
          const s = lo + m.index;
          const t = s + m[0].length;
          if (t > s && s < tt && t > ts) mentions.push({ e, s, t });
        }
      }
    }
  }
  const kept = mentions.filter(
    (m) => !traps.some(([s, t]) => s < m.t && t > m.s && !(s >= m.s && t <= m.t && t - s < m.t - m.s)),
  );
  kept.sort((a, b) => b.t - b.s - (a.t - a.s) || a.s - b.s);
  const chosen: { e: LexiconEntry; s: number; t: number }[] = [];
  for (const m of kept) {
    const inside = chosen.find((c) => c.s < m.t && c.t > m.s);
    if (!inside) chosen.push(m);
    else if (
      inside.e.pattern &&
      !m.e.pattern &&
      m.e.kind === inside.e.kind &&
      m.e.category === inside.e.category &&
      m.s >= inside.s &&
      m.t <= inside.t &&
      !isAncestor(m.e.id, inside.e)
    ) {
      inside.e = m.e;
    }
  }
  return chosen.sort((a, b) => a.s - b.s).map((m) => ({ id: m.e.id, text: text.slice(m.s, m.t) }));
}
