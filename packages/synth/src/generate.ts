import type { EducationEntry, ResumeRecord, StateCategory, WorkEntry } from "@tiegraph/core";
import * as P from "./pools.js";
import { Rng, Weighted } from "./rng.js";

/** The four record shapes the generator mixes. */
export type Shape = "zh_structured" | "zh_text" | "en_structured" | "en_text";

/** Kinds of trap planted in records; none of them may raise a flag. */
export const TRAP_KINDS = [
  /** 军训 in an education note. */
  "military_training",
  /** An address on 解放路 / 人民路 and similar roads. */
  "road_address",
  /** 网络安全部 / 信息安全部 / 安全部 as the department in a job title. */
  "security_department",
  /** 国家安全生产监督管理总局 (work-safety administration) as an employer. */
  "work_safety_admin",
  /** 北京国安足球俱乐部 as an employer or in the text. */
  "beijing_guoan",
  /** 湖北省公安县 as address or hometown, or a company in 公安县. */
  "gongan_county",
  /** 部队火锅 (a restaurant) as an employer or in the text. */
  "army_hotpot",
  /** Salvation Army volunteering. */
  "salvation_army",
  /** Navy Federal Credit Union as an employer. */
  "navy_federal",
  /** A postcode such as 518129 in the address. */
  "postcode",
  /** A staff number such as 工号 61398. */
  "staff_number",
  /** HCIE/HCIP/HCIA certificates (Huawei certification, not employment). */
  "huawei_certificate",
  /** The target group named as customer, supplier or brand sold, not as employer. */
  "target_as_customer",
  /** Police named as a customer (为公安客户提供售后服务). */
  "police_as_customer",
] as const;
export type TrapKind = (typeof TRAP_KINDS)[number];

/** Kinds of surveillance-related activity planted in work descriptions. */
export const ACTIVITY_KINDS = [
  "lawful_interception",
  "video_surveillance",
  "information_capture",
  "safe_city",
  "xueliang",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One planted tie to a state body, as ground truth. */
export interface LabelTie {
  category: StateCategory;
  /** `concurrent`: a post held alongside another one and written as such (兼任, concurrently). */
  role: "employment" | "education" | "concurrent";
  /** The organisation exactly as written in the record. */
  org: string;
  /** The post overlaps in time with employment at the target group. */
  concurrent_with_target: boolean;
}

/** Ground truth for one generated record. */
export interface Label {
  id: string;
  /** Employment at the target group; status `current` iff the latest target stint has an open end. */
  target: { group: string; status: "current" | "former" } | null;
  ties: LabelTie[];
  /** True iff some tie has role employment or concurrent and category military, intelligence or public_security. */
  national_security: boolean;
  /** Activity kinds (see `ACTIVITY_KINDS`) planted in the record. */
  activities: string[];
  /** Trap kinds (see `TRAP_KINDS`) planted in the record. */
  traps: string[];
  language: "zh" | "en";
  shape: Shape;
}

export interface Generated {
  record: ResumeRecord;
  label: Label;
}

/** Tunable rates, each a probability per record unless said otherwise. */
export interface SynthRates {
  /** Records of employees (current or former) of the target group. */
  target: number;
  /** Share of target employees who are current employees. */
  targetCurrent: number;
  /** Records with at least one tie to a state body. */
  tie: number;
  /** Records with national-security experience (a subset of `tie`; must not exceed it). */
  nationalSecurity: number;
  /** Share of national-security records whose post is held alongside another job (overlap or 兼任). */
  concurrent: number;
  /** Records with a planted activity. */
  activity: number;
  /** Records with one or two traps. */
  trap: number;
  /** Share of Chinese free-text records. */
  zhText: number;
  /** Share of English records (half structured, half free text). */
  en: number;
}

export const DEFAULT_RATES: Readonly<SynthRates> = Object.freeze({
  target: 0.4,
  targetCurrent: 0.5,
  tie: 0.04,
  nationalSecurity: 0.015,
  concurrent: 0.3,
  activity: 0.04,
  trap: 0.3,
  zhText: 0.15,
  en: 0.15,
});

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Target group (`huawei` by default); see `TARGET_GROUPS`. */
  target?: string;
  rates?: Partial<SynthRates>;
}

/** Groups that can be chosen as the target. */
export const TARGET_GROUPS: readonly string[] = Object.keys(P.GROUPS);

/** The generator's "now": open-ended stints run to this month, and no date lies after it. */
export const SYNTH_NOW = Object.freeze({ year: 2025, month: 6 });
const NOW = SYNTH_NOW.year * 12 + SYNTH_NOW.month - 1;

// ---------------------------------------------------------------- internal plan

type Lang = "zh" | "en";
type StintKind = "target" | "state" | "ordinary";
type NsCategory = "military" | "intelligence" | "public_security";

interface Conc {
  /** Rendered phrase, e.g. `兼任国家安全部驻公司联络员` or `concurrently liaison to the Ministry ...`. */
  text: string;
  inTitle: boolean;
}

interface Stint {
  kind: StintKind;
  company: string;
  title: string;
  start: number;
  end: number | null;
  desc: string[];
  conc: Conc | null;
  busy: boolean;
}

interface School {
  school: string;
  level: 0 | 1 | 2;
  major: string;
  start: number;
  end: number;
  note: string | null;
}

interface Plan {
  lang: Lang;
  shape: Shape;
  western: boolean;
  name: string;
  phone: string;
  email: string;
  place: P.Place;
  district: string;
  road: string;
  roadNo: number;
  postcode: string | null;
  countyAddress: boolean;
  hometown: string | null;
  idNumber: string | null;
  stints: Stint[];
  schools: School[];
  certs: string[];
  extras: string[];
  ties: LabelTie[];
  activities: string[];
  traps: string[];
}

const EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const EN_MONTH = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const ZH_OPEN = ["至今", "现在", "今"];
const EN_OPEN = ["present", "Present", "now", "current"];
const ZH_DEGREE = ["本科", "硕士", "博士"];
const ZH_DEGREE_PROSE = ["学士", "硕士", "博士"];
const EN_DEGREE = [
  ["B.Eng.", "B.S."],
  ["M.S.", "M.Eng."],
  ["Ph.D.", "Ph.D."],
];

const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n));

/** Formats a month index in one of six Chinese styles. */
function formatZhDate(m: number, style: number): string {
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  switch (style) {
    case 0:
      return y + "." + pad2(mo);
    case 1:
      return y + "年" + mo + "月";
    case 2:
      return y + "年" + pad2(mo) + "月";
    case 3:
      return y + "-" + pad2(mo);
    case 4:
      return y + "/" + mo;
    default:
      return pad2(mo) + "/" + y;
  }
}

/** Formats a month index in one of five English styles. */
function formatEnDate(m: number, style: number): string {
  const y = Math.floor(m / 12);
  const mo = m % 12;
  switch (style) {
    case 0:
      return EN_MON[mo] + " " + y;
    case 1:
      return EN_MONTH[mo] + " " + y;
    case 2:
      return pad2(mo + 1) + "/" + y;
    case 3:
      return String(y);
    default:
      return y + "-" + pad2(mo + 1);
  }
}

// Every month the generator can write, formatted once per style (dates are the most frequent strings).
const DATE_BASE = 1985 * 12;
const dateTable = (styles: number, f: (m: number, style: number) => string): string[][] =>
  Array.from({ length: styles }, (_, style) =>
    Array.from({ length: NOW - DATE_BASE + 1 }, (_, i) => f(DATE_BASE + i, style)),
  );
const ZH_DATES = dateTable(6, formatZhDate);
const EN_DATES = dateTable(5, formatEnDate);
const zhDate = (m: number, style: number): string =>
  ZH_DATES[style]![m - DATE_BASE] ?? formatZhDate(m, style);
const enDate = (m: number, style: number): string =>
  EN_DATES[style]![m - DATE_BASE] ?? formatEnDate(m, style);

/** Per-record writing habits: one resume keeps to one date style, separator and layout. */
interface Style {
  date: number;
  open: string;
  sep: string;
  reverse: boolean;
  lines: boolean;
}

const ZH_SEPS = ["-", "—", "~", "至", "－", "～"];
const EN_SEPS = [" - ", " – ", " to ", "—", "-"];

function zhRange(start: number, end: number | null, st: Style): string {
  const s = zhDate(start, st.date);
  if (end === null) {
    if (st.sep === "至") return st.open === "至今" ? s + "至今" : s + "至" + st.open;
    return s + st.sep + st.open;
  }
  return s + st.sep + zhDate(end, st.date);
}

function enRange(start: number, end: number | null, st: Style): string {
  return enDate(start, st.date) + st.sep + (end === null ? st.open : enDate(end, st.date));
}

// ---------------------------------------------------------------- the generator

const EN_ONLY: ReadonlySet<TrapKind> = new Set(["salvation_army", "navy_federal"]);
const ZH_ONLY: ReadonlySet<TrapKind> = new Set([
  "military_training",
  "road_address",
  "security_department",
  "work_safety_admin",
  "beijing_guoan",
  "gongan_county",
  "army_hotpot",
]);
const ZH_TRAPS: readonly TrapKind[] = TRAP_KINDS.filter((k) => !EN_ONLY.has(k));
const EN_TRAPS: readonly TrapKind[] = TRAP_KINDS.filter((k) => !ZH_ONLY.has(k));

class ResumeGenerator {
  private readonly rng: Rng;
  private readonly rates: SynthRates;
  private readonly group: string;
  private readonly targetZh: Weighted<string>;
  private readonly targetEn: Weighted<string>;
  private readonly otherZh: Weighted<string>;
  private readonly otherEn: Weighted<string>;
  private readonly shapes: Weighted<Shape>;
  private readonly nsCats = new Weighted<NsCategory>([
    ["military", 35],
    ["intelligence", 20],
    ["public_security", 45],
  ]);
  private readonly otherTies = new Weighted<"defence_industry" | "defence_education" | "seven_sons">([
    ["defence_industry", 50],
    ["defence_education", 20],
    ["seven_sons", 30],
  ]);
  private readonly stintCount = new Weighted<number>([
    [1, 20],
    [2, 35],
    [3, 30],
    [4, 15],
  ]);
  private readonly idDigits: number;
  private readonly idMod: number;
  private readonly idStep: number;
  private idNext: number;

  constructor(opts: GenerateOptions) {
    if (!Number.isInteger(opts.count) || opts.count < 0) {
      throw new RangeError(`count must be a non-negative integer, got ${opts.count}`);
    }
    if (!Number.isFinite(opts.seed)) throw new RangeError(`seed must be a finite number, got ${opts.seed}`);
    const group = opts.target ?? "huawei";
    const names = P.GROUPS[group];
    if (names === undefined) {
      throw new RangeError(`unknown target group "${group}"; known: ${TARGET_GROUPS.join(", ")}`);
    }
    const rates: SynthRates = { ...DEFAULT_RATES, ...opts.rates };
    for (const [k, v] of Object.entries(rates)) {
      if (typeof v !== "number" || !(v >= 0 && v <= 1))
        throw new RangeError(`rate ${k} must be in [0, 1], got ${v}`);
    }
    if (rates.nationalSecurity > rates.tie) {
      throw new RangeError(
        `rate nationalSecurity (${rates.nationalSecurity}) must not exceed tie (${rates.tie})`,
      );
    }
    if (rates.zhText + rates.en > 1) throw new RangeError("rates zhText + en must not exceed 1");
    this.rng = new Rng(opts.seed);
    this.rates = rates;
    this.group = group;
    this.targetZh = new Weighted(names.zh);
    this.targetEn = new Weighted(names.en);
    const others = Object.entries(P.GROUPS).filter(([g]) => g !== group);
    this.otherZh = new Weighted(others.flatMap(([, n]) => n.zh));
    this.otherEn = new Weighted(others.flatMap(([, n]) => n.en));
    this.shapes = new Weighted<Shape>([
      ["zh_structured", 1 - rates.zhText - rates.en],
      ["zh_text", rates.zhText],
      ["en_structured", rates.en / 2],
      ["en_text", rates.en / 2],
    ]);
    // Ids: an affine walk over [0, 10^digits) with a seeded start and a step coprime to 10, so ids are
    // unique for up to 10^digits records and differ between seeds.
    this.idDigits = Math.max(8, String(opts.count).length);
    this.idMod = 10 ** this.idDigits;
    let step = (this.rng.next() % Math.min(this.idMod, 4294967296)) | 1;
    if (step % 5 === 0) step += 2;
    this.idStep = step % this.idMod;
    this.idNext = this.rng.next() % this.idMod;
  }

  private nextId(): string {
    const n = this.idNext;
    this.idNext = (this.idNext + this.idStep) % this.idMod;
    return "R" + String(n).padStart(this.idDigits, "0");
  }

  generate(): Generated {
    const r = this.rng;
    const id = this.nextId();
    const shape = this.shapes.sample(r);
    const lang: Lang = shape === "en_structured" || shape === "en_text" ? "en" : "zh";
    const plan = this.person(lang, shape);
    this.education(plan);
    const target = this.work(plan);
    // Chinese state posts go with Chinese names; Western names stay rare among target employees.
    if (plan.western && (plan.ties.length > 0 || (target !== null && r.chance(0.7)))) {
      plan.western = false;
      [plan.name, plan.email] = this.naming(lang, false);
    }
    if (r.chance(this.rates.activity)) this.activity(plan);
    if (r.chance(this.rates.trap)) {
      const n = r.chance(0.3) ? 2 : 1;
      for (let i = 0; i < n; i++) this.trap(plan);
    }
    const record =
      lang === "zh"
        ? shape === "zh_text"
          ? this.zhText(plan, id)
          : this.zhStructured(plan, id)
        : shape === "en_text"
          ? this.enText(plan, id)
          : this.enStructured(plan, id);
    const national_security = plan.ties.some(
      (t) =>
        t.role !== "education" &&
        (t.category === "military" || t.category === "intelligence" || t.category === "public_security"),
    );
    return {
      record,
      label: {
        id,
        target,
        ties: plan.ties,
        national_security,
        activities: plan.activities,
        traps: plan.traps,
        language: lang,
        shape,
      },
    };
  }

  // ---------------------------------------------------------------- person

  private person(lang: Lang, shape: Shape): Plan {
    const r = this.rng;
    const western = lang === "en" && r.chance(0.5);
    const [name, email] = this.naming(lang, western);
    const phone = "1" + r.range(3, 9) + r.digits(9);
    const place = r.pick(P.PLACES);
    return {
      lang,
      shape,
      western,
      name,
      phone,
      email,
      place,
      district: r.pick(place.districts),
      road: r.pick(P.ROADS),
      roadNo: r.range(1, 999),
      postcode: null,
      countyAddress: false,
      hometown: null,
      idNumber:
        shape === "zh_text" || shape === "en_text"
          ? r.chance(0.5)
            ? this.idNumber()
            : null
          : r.chance(0.1)
            ? this.idNumber()
            : null,
      stints: [],
      schools: [],
      certs: [],
      extras: [],
      ties: [],
      activities: [],
      traps: [],
    };
  }

  /** A synthetic name and e-mail address: Chinese (in hanzi or pinyin) or Western. */
  private naming(lang: Lang, western: boolean): [string, string] {
    const r = this.rng;
    let name: string;
    let email: string;
    if (western) {
      const f = r.pick(P.EN_FIRST);
      const l = r.pick(P.EN_LAST);
      name = f + " " + l;
      email =
        f.toLowerCase() +
        "." +
        l.toLowerCase() +
        (r.chance(0.5) ? String(r.range(1, 99)) : "") +
        "@example.com";
    } else {
      const [sn, sp] = r.pick(P.ZH_SURNAMES);
      const [g1, p1] = r.pick(P.ZH_GIVEN);
      let given = g1;
      let gp = p1;
      if (r.chance(0.7)) {
        const [g2, p2] = r.pick(P.ZH_GIVEN);
        given += g2;
        gp += p2;
      }
      if (lang === "zh") name = sn + given;
      else name = gp.charAt(0).toUpperCase() + gp.slice(1) + " " + sp.charAt(0).toUpperCase() + sp.slice(1);
      email =
        sp +
        gp +
        (r.chance(0.6) ? String(r.range(1, 999)) : "") +
        (r.chance(0.5) ? "@example.cn" : "@example.com");
    }
    return [name, email];
  }

  /** An 18-character ID-like number whose check character is deliberately wrong, so it is never valid. */
  private idNumber(): string {
    const r = this.rng;
    const body =
      r.pick(P.ID_AREAS) + r.range(1965, 2002) + pad2(r.range(1, 12)) + pad2(r.range(1, 28)) + r.digits(3);
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * w[i]!;
    const codes = "10X98765432";
    return body + codes[(sum + 1 + r.int(9)) % 11];
  }

  private address(p: Plan): string {
    if (p.lang === "en") {
      if (p.western)
        return p.roadNo + " " + this.rng.pick(P.EN_STREETS) + " Street, " + this.rng.pick(P.EN_CITIES);
      const d = p.postcode === null ? "" : " " + p.postcode;
      return "No. " + p.roadNo + " Keji Road, " + p.place.en + d + ", China";
    }
    let a: string;
    if (p.countyAddress) a = "湖北省荆州市公安县斗湖堤镇" + p.road + p.roadNo + "号";
    else a = p.place.province + p.place.city + p.district + p.road + p.roadNo + "号";
    return p.postcode === null ? a : a + " 邮编" + p.postcode;
  }

  // ---------------------------------------------------------------- education

  private education(p: Plan): void {
    const r = this.rng;
    const level = r.chance(0.35) ? (r.chance(0.2) ? 2 : 1) : 0;
    const zh = p.lang === "zh";
    // Bachelor graduation year, leaving room for at least four stints after the last degree.
    const extra = level === 0 ? 0 : level === 1 ? 3 : 7;
    const grad = r.range(1995, 2019 - extra);
    const major = zh ? r.pick(P.ZH_MAJORS) : r.pick(P.EN_MAJORS);
    const schools = zh ? P.ZH_SCHOOLS : P.EN_SCHOOLS;
    p.schools.push({
      school: r.pick(schools),
      level: 0,
      major,
      start: (grad - 4) * 12 + 8,
      end: grad * 12 + 5,
      note: null,
    });
    if (level >= 1) {
      p.schools.push({
        school: r.pick(schools),
        level: 1,
        major,
        start: grad * 12 + 8,
        end: (grad + 3) * 12 + 5,
        note: null,
      });
    }
    if (level === 2) {
      p.schools.push({
        school: r.pick(schools),
        level: 2,
        major,
        start: (grad + 3) * 12 + 8,
        end: (grad + 7) * 12 + 5,
        note: null,
      });
    }
  }

  // ---------------------------------------------------------------- work history and ties

  private ordinaryCompany(lang: Lang): string {
    const r = this.rng;
    if (r.chance(0.25)) return lang === "zh" ? this.otherZh.sample(r) : this.otherEn.sample(r);
    if (lang === "zh") {
      return (
        r.pick(P.ZH_CITY_PREFIX) +
        r.pick(P.ZH_BRANDS) +
        r.pick(P.ZH_INDUSTRIES) +
        (r.chance(0.2) ? "股份有限公司" : "有限公司")
      );
    }
    return r.pick(P.EN_CO_A) + r.pick(P.EN_CO_B) + " " + r.pick(P.EN_CO_C) + " " + r.pick(P.EN_CO_D);
  }

  private unit(): string {
    const r = this.rng;
    return r.chance(0.5) ? r.pick(P.KNOWN_UNITS) : String(r.range(30000, 99999));
  }

  /** A state body of the category, as written in a resume of the language. */
  private stateBody(cat: NsCategory | "defence_industry", lang: Lang): string {
    const r = this.rng;
    if (lang === "en") {
      switch (cat) {
        case "military":
          return r.chance(0.6) ? "PLA Unit " + this.unit() : r.pick(P.EN_MILITARY_FIXED);
        case "intelligence":
          return r.pick(P.EN_INTEL);
        case "public_security":
          return r.pick(P.EN_PS);
        default:
          return r.pick(P.EN_DEFENCE_INDUSTRY);
      }
    }
    switch (cat) {
      case "military": {
        const x = r.int(10);
        if (x < 4) return "中国人民解放军" + this.unit() + "部队";
        if (x < 6) return "解放军" + this.unit() + "部队";
        if (x < 7) return this.unit() + "部队";
        return r.pick(P.ZH_MILITARY_FIXED);
      }
      case "intelligence": {
        const x = r.int(10);
        if (x < 4) return r.pick(P.ZH_INTEL_FIXED);
        const pl = r.pick(P.PLACES);
        if (pl.city === "" || (pl.cityBureau && r.chance(0.5)))
          return (pl.city || pl.province) + "国家安全局";
        return pl.province + "国家安全厅";
      }
      case "public_security": {
        const x = r.int(10);
        const pl = r.pick(P.PLACES);
        const city = pl.city || pl.province;
        const dist = r.pick(pl.districts);
        if (x < 3) return city + "公安局" + dist.replace(/新?区$/, "") + "分局";
        if (x < 5) return city + "公安局";
        if (x < 6) return pl.city === "" ? pl.province + "公安局" : pl.province + "公安厅";
        if (x < 8) return dist + r.pick(pl.streets).replace(/路$/, "") + "派出所";
        return r.pick(P.ZH_PS_FIXED);
      }
      default:
        return r.pick(P.ZH_DEFENCE_INDUSTRY);
    }
  }

  private stateTitle(cat: NsCategory | "defence_industry", lang: Lang, org: string): string {
    if (cat === "public_security" && /研究所|Research Institute/.test(org)) {
      return lang === "zh" ? this.rng.pick(["工程师", "助理研究员"]) : "Research Engineer";
    }
    return lang === "zh" ? this.rng.pick(P.ZH_STATE_TITLES[cat]) : this.rng.pick(P.EN_STATE_TITLES[cat]);
  }

  private descFor(kind: StintKind, cat: NsCategory | "defence_industry" | null, lang: Lang): string[] {
    const r = this.rng;
    if (!r.chance(0.85)) return [];
    if (kind === "state" && cat !== null) {
      return [lang === "zh" ? r.pick(P.ZH_STATE_DESCRIPTIONS[cat]) : r.pick(P.EN_STATE_DESCRIPTIONS[cat])];
    }
    const pool = lang === "zh" ? P.ZH_DESCRIPTIONS : P.EN_DESCRIPTIONS;
    // One to three sentences, distinct: consecutive entries from a random point in the pool.
    const k = 1 + r.int(3);
    const at = r.int(pool.length);
    const out: string[] = [];
    for (let i = 0; i < k; i++) out.push(pool[(at + i * 7) % pool.length]!);
    return out;
  }

  private stint(
    kind: StintKind,
    company: string,
    title: string,
    start: number,
    end: number | null,
    desc: string[],
  ): Stint {
    return { kind, company, title, start, end, desc, conc: null, busy: false };
  }

  /** Plans work history and ties; returns the target label. */
  private work(p: Plan): Label["target"] {
    const r = this.rng;
    const lang = p.lang;
    const isTarget = r.chance(this.rates.target);
    const current = isTarget && r.chance(this.rates.targetCurrent);
    let ns: NsCategory | null = null;
    let nsForm: "seq" | "overlap" | "title" = "seq";
    let other: "defence_industry" | "defence_education" | "seven_sons" | null = null;
    if (r.chance(this.rates.tie)) {
      if (r.float() * this.rates.tie < this.rates.nationalSecurity) {
        ns = this.nsCats.sample(r);
        if (r.chance(this.rates.concurrent)) nsForm = r.chance(0.5) ? "overlap" : "title";
      } else {
        other = this.otherTies.sample(r);
      }
    }

    // Slots of the sequential history.
    let n = this.stintCount.sample(r);
    const need =
      (isTarget ? 1 : 0) +
      (ns !== null && nsForm === "seq" ? 1 : 0) +
      (other === "defence_industry" ? 1 : 0) +
      (ns !== null && nsForm !== "seq" && !isTarget ? 1 : 0);
    if (n < need) n = need;
    const kinds: StintKind[] = new Array<StintKind>(n).fill("ordinary");
    let lastOpen = r.chance(0.85);
    if (isTarget) {
      if (current) {
        kinds[n - 1] = "target";
        lastOpen = true;
      } else {
        const pos = n === 1 || r.chance(0.15) ? n - 1 : r.int(n - 1);
        kinds[pos] = "target";
        if (pos === n - 1) lastOpen = false;
        // Sometimes two target stints in a row (a move between group companies), when a slot is spare.
        if (pos > 0 && n > need && r.chance(0.12)) kinds[pos - 1] = "target";
      }
    }
    const free = (): number => {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (kinds[i] === "ordinary") idx.push(i);
      return idx.length === 0 ? -1 : r.pick(idx);
    };
    const seqStateAt = ns !== null && nsForm === "seq" ? free() : -1;
    if (seqStateAt >= 0) kinds[seqStateAt] = "state";
    const diAt = other === "defence_industry" ? free() : -1;
    if (diAt >= 0) kinds[diAt] = "state";

    // Dates: split [workStart, careerEnd] into n stints of at least six months, with short gaps.
    const lastEdu = p.schools[p.schools.length - 1]!.end;
    const workStart = lastEdu + 1 + r.int(4);
    const room = NOW - workStart + 1 - 8 * n;
    const careerEnd = lastOpen ? NOW : NOW - 1 - r.int(Math.max(1, Math.min(18, room)));
    const total = careerEnd - workStart + 1;
    const weights: number[] = [];
    let wsum = 0;
    for (let i = 0; i < n; i++) {
      const w = 0.3 + r.float();
      weights.push(w);
      wsum += w;
    }
    const spare = total - 6 * n;
    let cursor = workStart;
    const targetNames: string[] = [];
    for (let i = 0; i < n; i++) {
      const len = i === n - 1 ? careerEnd - cursor + 1 : 6 + Math.floor((spare * weights[i]!) / wsum);
      const gap = i > 0 && len > 9 && r.chance(0.3) ? r.range(1, 3) : 0;
      const start = cursor + gap;
      const end = i === n - 1 && lastOpen ? null : cursor + len - 1;
      cursor += len;
      const kind = kinds[i]!;
      let st: Stint;
      if (kind === "target") {
        let company = lang === "zh" ? this.targetZh.sample(r) : this.targetEn.sample(r);
        if (targetNames.length > 0 && company === targetNames[0]) {
          company = lang === "zh" ? this.targetZh.sample(r) : this.targetEn.sample(r);
        }
        targetNames.push(company);
        const title = lang === "zh" ? r.pick(P.ZH_TITLES) : r.pick(P.EN_TITLES);
        st = this.stint("target", company, title, start, end, this.descFor("target", null, lang));
      } else if (kind === "state") {
        const cat = i === seqStateAt && ns !== null ? ns : "defence_industry";
        const org = this.stateBody(cat, lang);
        st = this.stint(
          "state",
          org,
          this.stateTitle(cat, lang, org),
          start,
          end,
          this.descFor("state", cat, lang),
        );
        p.ties.push({ category: cat, role: "employment", org, concurrent_with_target: false });
      } else {
        const title = lang === "zh" ? r.pick(P.ZH_TITLES) : r.pick(P.EN_TITLES);
        st = this.stint(
          "ordinary",
          this.ordinaryCompany(lang),
          title,
          start,
          end,
          this.descFor("ordinary", null, lang),
        );
      }
      p.stints.push(st);
    }

    // A post held alongside another job: a separate overlapping stint, or 兼任 in the title/description.
    if (ns !== null && nsForm !== "seq") {
      const hosts = p.stints.filter((s) => s.kind === (isTarget ? "target" : "ordinary"));
      const host = hosts[hosts.length - 1]!;
      const hostEnd = host.end ?? NOW;
      const hostLen = hostEnd - host.start + 1;
      const org = this.stateBody(ns, lang);
      const withTarget = host.kind === "target";
      if (nsForm === "overlap" && hostLen >= 12) {
        const start = host.start + 2 + r.int(Math.floor(hostLen / 2));
        let end: number | null = Math.min(hostEnd, start + 6 + r.int(30));
        if (host.end === null && r.chance(0.3)) end = null;
        const st = this.stint(
          "state",
          org,
          this.stateTitle(ns, lang, org),
          start,
          end,
          this.descFor("state", ns, lang),
        );
        st.busy = true;
        p.stints.push(st);
        p.stints.sort((a, b) => a.start - b.start);
        p.ties.push({ category: ns, role: "employment", org, concurrent_with_target: withTarget });
      } else {
        host.conc = this.concPhrase(ns, org, lang);
        host.busy = true;
        p.ties.push({ category: ns, role: "concurrent", org, concurrent_with_target: withTarget });
      }
    }

    // Education ties: a PLA university or one of the Seven Sons as the first degree's school.
    const zh = lang === "zh";
    const edu = (cat: "defence_education" | "defence_education_seven_sons", school: string): void => {
      const s = p.schools[r.int(p.schools.length)]!;
      s.school = school;
      p.ties.push({ category: cat, role: "education", org: school, concurrent_with_target: false });
    };
    if (other === "defence_education" || (ns === "military" && r.chance(0.3))) {
      edu("defence_education", zh ? r.pick(P.ZH_DEFENCE_SCHOOLS) : r.pick(P.EN_DEFENCE_SCHOOLS));
    } else if (other === "seven_sons") {
      edu("defence_education_seven_sons", zh ? r.pick(P.ZH_SEVEN_SONS) : r.pick(P.EN_SEVEN_SONS));
    }

    return isTarget ? { group: this.group, status: current ? "current" : "former" } : null;
  }

  private concPhrase(cat: NsCategory, org: string, lang: Lang): Conc {
    const r = this.rng;
    const inTitle = r.chance(0.6);
    if (lang === "zh") {
      let role: string;
      if (cat === "intelligence")
        role = org === "国家安全部" && r.chance(0.6) ? "驻公司联络员" : r.pick(["联络员", "技术顾问"]);
      else role = r.pick(["技术顾问", "特聘专家", "外聘专家"]);
      return { text: "兼任" + org + role, inTitle };
    }
    const the = /^(PLA Unit|Unit )/.test(org) ? "" : "the ";
    const role = cat === "intelligence" ? "liaison to " : "technical adviser to ";
    return { text: "concurrently " + (inTitle ? "" : "served as ") + role + the + org, inTitle };
  }

  // ---------------------------------------------------------------- activities

  private activity(p: Plan): void {
    const r = this.rng;
    const zh = p.lang === "zh";
    const hosts = p.stints.filter((s) => s.kind !== "state" && !s.busy);
    if (hosts.length === 0) return;
    const targets = hosts.filter((s) => s.kind === "target");
    const host = targets.length > 0 && r.chance(0.7) ? r.pick(targets) : r.pick(hosts);
    const kind: ActivityKind = zh
      ? r.pick(["lawful_interception", "video_surveillance", "safe_city", "xueliang"] as const)
      : r.pick(["lawful_interception", "information_capture", "safe_city", "video_surveillance"] as const);
    let text: string;
    const city = r.pick(P.PLACES);
    switch (kind) {
      case "lawful_interception":
        text = zh
          ? r.pick(["参与合法监听（LI）功能开发", "负责核心网合法监听（LI）模块的开发与测试"])
          : r.pick([
              "Built the lawful interception gateway for carrier networks.",
              "Maintained the lawful interception gateway of the packet core.",
            ]);
        break;
      case "video_surveillance":
        text = zh
          ? "为" + (city.city || city.province) + "公安局建设视频监控平台"
          : "Delivered a video surveillance platform for the " + city.en + " municipal police.";
        break;
      case "information_capture":
        text = "Developed the information capture module for mobile forensics products.";
        break;
      case "safe_city":
        text = zh
          ? r.pick(["参与平安城市项目的方案设计与交付", "负责平安城市项目实施"])
          : "Delivered Safe City project solutions for municipal customers.";
        break;
      default:
        text = r.pick(["负责雪亮工程项目实施", "参与雪亮工程建设"]);
    }
    host.desc.push(text);
    host.busy = true;
    p.activities.push(kind);
  }

  // ---------------------------------------------------------------- traps

  private freeOrdinary(p: Plan): Stint | null {
    const xs = p.stints.filter((s) => s.kind === "ordinary" && !s.busy && s.conc === null);
    return xs.length === 0 ? null : this.rng.pick(xs);
  }

  private trap(p: Plan): void {
    const r = this.rng;
    const zh = p.lang === "zh";
    const kinds = zh ? ZH_TRAPS : EN_TRAPS;
    for (let attempt = 0; attempt < 6; attempt++) {
      const kind = r.pick(kinds);
      if (p.traps.includes(kind)) continue;
      if (this.applyTrap(p, kind, zh)) {
        p.traps.push(kind);
        return;
      }
    }
  }

  private applyTrap(p: Plan, kind: TrapKind, zh: boolean): boolean {
    const r = this.rng;
    const g = P.GROUPS[this.group]!;
    switch (kind) {
      case "military_training": {
        if (!zh) return false;
        const s = p.schools[0]!;
        s.note = r.pick(["大学军训优秀学员", "参加新生军训，获评优秀学员", "军训标兵"]);
        return true;
      }
      case "road_address":
        if (!zh) return false;
        p.road = r.pick(P.TRAP_ROADS);
        return true;
      case "security_department": {
        if (!zh) return false;
        const xs = p.stints.filter((s) => s.kind !== "state" && s.conc === null && !s.busy);
        if (xs.length === 0) return false;
        const ts = xs.filter((s) => s.kind === "target");
        const s = ts.length > 0 && r.chance(0.7) ? r.pick(ts) : r.pick(xs);
        s.title =
          r.pick(["网络安全部", "信息安全部", "安全部"]) +
          " " +
          r.pick(["工程师", "安全工程师", "主管", "经理"]);
        s.busy = true;
        return true;
      }
      case "work_safety_admin": {
        if (!zh) return false;
        const xs = p.stints.filter(
          (s) =>
            s.kind === "ordinary" &&
            !s.busy &&
            s.conc === null &&
            s.start >= 2005 * 12 &&
            s.end !== null &&
            s.end <= 2018 * 12 + 2,
        );
        if (xs.length === 0) return false;
        const s = r.pick(xs);
        s.company = "国家安全生产监督管理总局";
        s.title = r.pick(["科员", "主任科员", "副主任科员"]);
        s.desc = r.chance(0.5) ? ["负责安全生产监督检查工作"] : [];
        s.busy = true;
        return true;
      }
      case "beijing_guoan": {
        if (!zh) return false;
        const s = r.chance(0.5) ? this.freeOrdinary(p) : null;
        if (s !== null) {
          s.company = "北京国安足球俱乐部";
          s.title = r.pick(["市场专员", "青训教练", "球队翻译", "票务主管"]);
          s.desc = [];
          s.busy = true;
        } else {
          p.extras.push("业余爱好：足球，北京国安足球俱乐部球迷");
        }
        return true;
      }
      case "gongan_county": {
        if (!zh) return false;
        const x = r.int(3);
        if (x === 0) {
          p.countyAddress = true;
        } else if (x === 1) {
          p.hometown = "湖北省公安县";
        } else {
          const s = this.freeOrdinary(p);
          if (s === null) {
            p.hometown = "湖北省荆州市公安县";
          } else {
            s.company =
              "公安县" + r.pick(P.ZH_BRANDS) + r.pick(["农业", "水产", "棉业", "物流"]) + "有限公司";
            s.busy = true;
          }
        }
        return true;
      }
      case "army_hotpot": {
        if (!zh) return false;
        const s = r.chance(0.5) ? this.freeOrdinary(p) : null;
        if (s !== null) {
          s.company = r.pick(P.ZH_CITY_PREFIX) + "部队火锅餐饮管理有限公司";
          s.title = r.pick(["店长", "门店经理", "厨师长", "收银主管"]);
          s.desc = [];
          s.busy = true;
        } else {
          p.extras.push(r.pick(["周末常和朋友去部队火锅聚餐", "大学期间在部队火锅店做过服务员"]));
        }
        return true;
      }
      case "salvation_army": {
        if (zh) return false;
        const s = r.chance(0.4) ? this.freeOrdinary(p) : null;
        if (s !== null) {
          s.company = "The Salvation Army";
          s.title = "Volunteer Coordinator";
          s.desc = [];
          s.busy = true;
        } else {
          p.extras.push("Volunteer at a Salvation Army food bank on weekends.");
        }
        return true;
      }
      case "navy_federal": {
        if (zh) return false;
        const s = this.freeOrdinary(p);
        if (s === null) return false;
        s.company = "Navy Federal Credit Union";
        s.title = r.pick(["Member Service Representative", "Software Engineer", "Data Analyst"]);
        s.busy = true;
        return true;
      }
      case "postcode":
        if (p.western) return false;
        p.postcode = r.chance(0.6) ? "518129" : r.pick(["100085", "200120", "610041", "310052", "430074"]);
        return true;
      case "staff_number": {
        const num = r.chance(0.6)
          ? "61398"
          : r.chance(0.5)
            ? r.pick(P.KNOWN_UNITS)
            : String(r.range(10000, 99999));
        const xs = p.stints.filter((s) => s.kind !== "state" && !s.busy);
        const text = zh ? (r.chance(0.5) ? "工号：" : "工号 ") + num : "Employee ID " + num;
        if (xs.length > 0 && r.chance(0.6)) {
          const s = r.pick(xs);
          s.desc.push(zh ? text : text + ".");
          s.busy = true;
        } else p.extras.push(zh ? "原" + text : text);
        return true;
      }
      case "huawei_certificate":
        p.certs.push(r.pick(P.HUAWEI_CERTS));
        if (zh && r.chance(0.3)) p.extras.push("持有华为" + r.pick(["HCIE", "HCIP"]) + "认证");
        return true;
      case "target_as_customer": {
        const xs = p.stints.filter((s) => s.kind === "ordinary" && !s.busy);
        if (xs.length === 0) return false;
        const s = r.pick(xs);
        const n = zh ? g.shortZh : g.shortEn;
        const text = zh
          ? r.pick([
              `负责${n}设备的安装维护`,
              `作为${n}授权经销商，负责渠道销售`,
              `负责对接供应商${n}的物料交付`,
            ])
          : r.pick([
              `${n} authorised reseller: managed channel sales of ${n} switches.`,
              `Maintained ${n} equipment for carrier customers.`,
              `Sourced optical modules from ${n} as a key supplier.`,
            ]);
        s.desc.push(text);
        s.busy = true;
        return true;
      }
      case "police_as_customer": {
        const xs = p.stints.filter((s) => s.kind !== "state" && !s.busy);
        if (xs.length === 0) return false;
        const s = r.pick(xs);
        s.desc.push(
          zh
            ? r.pick(["为公安客户提供售后服务", "负责公安行业客户的售后支持"])
            : "Provided after-sales support to public security customers.",
        );
        s.busy = true;
        return true;
      }
    }
  }

  // ---------------------------------------------------------------- rendering

  private style(lang: Lang): Style {
    const r = this.rng;
    if (lang === "zh") {
      const date = r.int(6);
      let sep = r.pick(ZH_SEPS);
      if (date === 3 && sep === "-") sep = "至";
      return { date, open: r.pick(ZH_OPEN), sep, reverse: r.chance(0.7), lines: r.chance(0.5) };
    }
    const date = r.int(5);
    let sep = r.pick(EN_SEPS);
    if (date === 4 && sep === "-") sep = " to ";
    return { date, open: r.pick(EN_OPEN), sep, reverse: r.chance(0.7), lines: r.chance(0.6) };
  }

  private ordered<T extends { start: number }>(xs: T[], reverse: boolean): T[] {
    return reverse ? xs.slice().reverse() : xs;
  }

  private zhTitle(s: Stint): string {
    return s.conc?.inTitle ? s.title + "（" + s.conc.text + "）" : s.title;
  }

  private zhDesc(s: Stint): string {
    const parts = s.conc !== null && !s.conc.inTitle ? ["任职期间" + s.conc.text, ...s.desc] : s.desc;
    return parts.join("；");
  }

  /** Two or three distinct self-evaluation sentences. */
  private selfEval(pool: readonly string[], sep: string): string {
    const r = this.rng;
    const at = r.int(pool.length);
    const k = 2 + r.int(2);
    let s = pool[at]!;
    for (let i = 1; i < k; i++) s += sep + pool[(at + i * 3) % pool.length]!;
    return s;
  }

  private zhStructured(p: Plan, id: string): ResumeRecord {
    const st = this.style("zh");
    const work: WorkEntry[] = [];
    for (const s of this.ordered(p.stints, st.reverse)) {
      const w: WorkEntry = { company: s.company, title: this.zhTitle(s), start: zhDate(s.start, st.date) };
      w.end = s.end === null ? st.open : zhDate(s.end, st.date);
      const d = this.zhDesc(s);
      if (d !== "") w.description = d;
      work.push(w);
    }
    const education: EducationEntry[] = [];
    for (const e of this.ordered(p.schools, st.reverse)) {
      const x: EducationEntry = {
        school: e.school,
        degree: ZH_DEGREE[e.level]!,
        major: e.major,
        start: zhDate(e.start, st.date),
        end: zhDate(e.end, st.date),
      };
      if (e.note !== null) x.note = e.note;
      education.push(x);
    }
    const rec: ResumeRecord = {
      id,
      name: p.name,
      phone: p.phone,
      email: p.email,
      address: this.address(p),
      education,
      work,
    };
    const certs = p.certs.slice();
    if (this.rng.chance(0.3)) certs.unshift(this.rng.pick(P.ZH_CERTS));
    if (certs.length > 0) rec.certificates = certs;
    const text: string[] = [];
    if (p.hometown !== null) text.push("籍贯：" + p.hometown);
    if (p.idNumber !== null) text.push("身份证号：" + p.idNumber);
    if (this.rng.chance(0.5)) text.push("自我评价：" + this.selfEval(P.ZH_SELF, "，"));
    for (const x of p.extras) text.push(x);
    if (text.length > 0) rec.text = text.join("。") + "。";
    return rec;
  }

  private zhText(p: Plan, id: string): ResumeRecord {
    const r = this.rng;
    const st = this.style("zh");
    const out: string[] = [];
    if (st.lines) {
      out.push("姓名：" + p.name, "电话：" + p.phone, "邮箱：" + p.email, "地址：" + this.address(p));
      if (p.idNumber !== null) out.push("身份证号：" + p.idNumber);
      if (p.hometown !== null) out.push("籍贯：" + p.hometown);
      out.push("", "工作经历");
      for (const s of this.ordered(p.stints, st.reverse)) out.push(this.zhStintLine(s, st, r.int(5)));
      out.push("", "教育背景");
      for (const e of this.ordered(p.schools, st.reverse)) {
        const line = zhRange(e.start, e.end, st) + " " + e.school + " " + e.major + " " + ZH_DEGREE[e.level];
        out.push(e.note === null ? line : line + "（" + e.note + "）");
      }
      if (p.certs.length > 0) out.push("证书：" + p.certs.join("、"));
      if (p.extras.length > 0) out.push("其他：" + p.extras.join("；"));
      if (r.chance(0.5)) out.push("", "自我评价", this.selfEval(P.ZH_SELF, "；") + "。");
      return { id, text: out.join("\n") };
    }
    let head = p.name + "，电话" + p.phone + "，邮箱" + p.email + "，现居" + this.address(p);
    if (p.hometown !== null) head += "，籍贯" + p.hometown;
    if (p.idNumber !== null) head += "，身份证号" + p.idNumber;
    out.push(head + "。");
    const form = r.int(5);
    const stints = this.ordered(p.stints, st.reverse).map((s) =>
      this.zhStintLine(s, st, form === 1 ? 0 : form),
    );
    out.push(stints.join("；") + "。");
    const edu = this.ordered(p.schools, st.reverse).map((e) => {
      const s = r.chance(0.5)
        ? zhRange(e.start, e.end, st) + "，就读于" + e.school + e.major + "专业，" + ZH_DEGREE[e.level]
        : Math.floor(e.end / 12) +
          "年毕业于" +
          e.school +
          e.major +
          "专业，获" +
          ZH_DEGREE_PROSE[e.level] +
          "学位";
      return e.note === null ? s : s + "，" + e.note;
    });
    out.push(edu.join("；") + "。");
    if (p.certs.length > 0) out.push("持有" + p.certs.join("、") + "证书。");
    for (const x of p.extras) out.push(x + "。");
    if (r.chance(0.5)) out.push(this.selfEval(P.ZH_SELF, "，") + "。");
    return { id, text: out.join(r.chance(0.5) ? "" : "\n") };
  }

  /** One stint in Chinese prose or as a list line. */
  private zhStintLine(s: Stint, st: Style, form: number): string {
    const range = zhRange(s.start, s.end, st);
    const title = this.zhTitle(s);
    let line: string;
    switch (form) {
      case 0:
        line = range + "，就职于" + s.company + "，任" + title;
        break;
      case 1:
        line = range + " " + s.company + " " + title;
        break;
      case 2:
        line = range + "在" + s.company + "工作，担任" + title;
        break;
      case 3:
        line = range + "，" + s.company + "，" + title;
        break;
      default:
        line = range + " 任职于" + s.company + "，职位：" + title;
    }
    if (s.conc !== null && !s.conc.inTitle) line += "，" + s.conc.text;
    if (s.desc.length > 0) line += (form === 1 ? " " : "，") + s.desc.join("；");
    return line;
  }

  private enDegree(level: number): string {
    return EN_DEGREE[level]![this.rng.int(2)]!;
  }

  private enTitle(s: Stint): string {
    return s.conc?.inTitle ? s.title + " (" + s.conc.text + ")" : s.title;
  }

  private enDesc(s: Stint): string {
    const c =
      s.conc !== null && !s.conc.inTitle
        ? s.conc.text.charAt(0).toUpperCase() + s.conc.text.slice(1) + "."
        : null;
    return (c === null ? s.desc : [c, ...s.desc]).join(" ");
  }

  private enStructured(p: Plan, id: string): ResumeRecord {
    const st = this.style("en");
    const work: WorkEntry[] = [];
    for (const s of this.ordered(p.stints, st.reverse)) {
      const w: WorkEntry = { company: s.company, title: this.enTitle(s), start: enDate(s.start, st.date) };
      w.end = s.end === null ? st.open : enDate(s.end, st.date);
      const d = this.enDesc(s);
      if (d !== "") w.description = d;
      work.push(w);
    }
    const education: EducationEntry[] = this.ordered(p.schools, st.reverse).map((e) => ({
      school: e.school,
      degree: this.enDegree(e.level),
      major: e.major,
      start: enDate(e.start, st.date),
      end: enDate(e.end, st.date),
    }));
    const rec: ResumeRecord = {
      id,
      name: p.name,
      phone: p.phone,
      email: p.email,
      address: this.address(p),
      education,
      work,
    };
    const certs = p.certs.slice();
    if (this.rng.chance(0.3)) certs.unshift(this.rng.pick(P.EN_CERTS));
    if (certs.length > 0) rec.certificates = certs;
    const text: string[] = [];
    if (this.rng.chance(0.5)) text.push(this.selfEval(P.EN_SELF, " "));
    if (p.idNumber !== null) text.push("ID number " + p.idNumber + ".");
    for (const x of p.extras) text.push(x.endsWith(".") ? x : x + ".");
    if (text.length > 0) rec.text = text.join(" ");
    return rec;
  }

  private enText(p: Plan, id: string): ResumeRecord {
    const r = this.rng;
    const st = this.style("en");
    const out: string[] = [];
    if (st.lines) {
      out.push("Name: " + p.name, "Phone: " + p.phone, "Email: " + p.email, "Address: " + this.address(p));
      if (p.idNumber !== null) out.push("ID: " + p.idNumber);
      out.push("", "EXPERIENCE");
      for (const s of this.ordered(p.stints, st.reverse)) {
        const form = r.int(3);
        const range = enRange(s.start, s.end, st);
        const title = this.enTitle(s);
        if (form === 0) out.push(title + ", " + s.company + ", " + range);
        else if (form === 1) out.push(range + ": " + s.company + " — " + title);
        else out.push(s.company + " (" + range + "), " + title);
        const d = this.enDesc(s);
        if (d !== "") out.push("  " + d);
      }
      out.push("", "EDUCATION");
      for (const e of this.ordered(p.schools, st.reverse)) {
        out.push(
          this.enDegree(e.level) + " in " + e.major + ", " + e.school + ", " + enRange(e.start, e.end, st),
        );
      }
      if (p.certs.length > 0) out.push("", "CERTIFICATIONS: " + p.certs.join(", "));
      if (p.extras.length > 0) out.push("", p.extras.join(" "));
      if (r.chance(0.5)) out.push("", "SUMMARY", this.selfEval(P.EN_SELF, " "));
      return { id, text: out.join("\n") };
    }
    out.push(
      p.name +
        " (phone " +
        p.phone +
        ", email " +
        p.email +
        ", address " +
        this.address(p) +
        ")" +
        (p.idNumber === null ? "." : ", ID " + p.idNumber + "."),
    );
    for (const s of this.ordered(p.stints, st.reverse)) {
      const title = this.enTitle(s);
      let line =
        s.end === null
          ? "Since " + enDate(s.start, st.date) + " I have worked at " + s.company + " as " + title + "."
          : "From " +
            enDate(s.start, st.date) +
            " to " +
            enDate(s.end, st.date) +
            " I worked at " +
            s.company +
            " as " +
            title +
            ".";
      const d = this.enDesc(s);
      if (d !== "") line += " " + d;
      out.push(line);
    }
    for (const e of this.ordered(p.schools, st.reverse)) {
      out.push(
        "Graduated from " +
          e.school +
          " in " +
          Math.floor(e.end / 12) +
          " with a " +
          this.enDegree(e.level) +
          " in " +
          e.major +
          ".",
      );
    }
    if (p.certs.length > 0) out.push("Certifications: " + p.certs.join(", ") + ".");
    for (const x of p.extras) out.push(x.endsWith(".") ? x : x + ".");
    if (r.chance(0.5)) out.push(this.selfEval(P.EN_SELF, " "));
    return { id, text: out.join(r.chance(0.5) ? " " : "\n") };
  }
}

/**
 * Generates synthetic resumes with ground-truth labels, deterministically for a seed: the same options
 * always give the same records in the same order. No real person appears: names, phones, e-mail
 * addresses (at example.com/example.cn), addresses and ID-like numbers (with an invalid check
 * character) are all made up.
 *
 * @example
 * for (const { record, label } of generateResumes({ count: 3, seed: 1 })) {
 *   console.log(record.id, label.target?.status ?? "-", label.national_security);
 * }
 * @throws RangeError for a bad count, seed, rate or unknown target group (thrown on the first step).
 */
export function* generateResumes(opts: GenerateOptions): Generator<Generated, void, undefined> {
  const gen = new ResumeGenerator(opts);
  for (let i = 0; i < opts.count; i++) yield gen.generate();
}

/** The record shapes in a fixed order, for reports. */
export const SHAPES: readonly Shape[] = ["zh_structured", "zh_text", "en_structured", "en_text"];
