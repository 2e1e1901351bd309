import type { ResumeRecord } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { formatJsonl, formatLabelJsonl } from "./format.js";
import {
  ACTIVITY_KINDS,
  type Generated,
  generateResumes,
  type Label,
  SHAPES,
  SYNTH_NOW,
  TRAP_KINDS,
} from "./generate.js";
import * as P from "./pools.js";

const N = 10_000;
const sample: Generated[] = [...generateResumes({ count: N, seed: 20240601 })];

/** Every string value of a record. */
function strings(r: ResumeRecord): string[] {
  const out: string[] = [r.id];
  for (const v of [r.name, r.phone, r.email, r.address, r.text]) if (v !== undefined) out.push(v);
  for (const c of r.certificates ?? []) out.push(c);
  for (const w of r.work ?? []) for (const v of Object.values(w)) out.push(v);
  for (const e of r.education ?? []) for (const v of Object.values(e)) out.push(v);
  return out;
}
const allText = (g: Generated): string => strings(g.record).join("\n");

const OPEN = new Set(["至今", "现在", "今", "present", "Present", "now", "current"]);
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Parses the date styles the generator writes in structured fields: [year, month or 0]. */
function parseField(s: string): [number, number] | null {
  let m = /^(\d{4})(?:\.|-|\/|年)(\d{1,2})月?$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(\d{2})\/(\d{4})$/.exec(s);
  if (m) return [Number(m[2]), Number(m[1])];
  m = /^([A-Z][a-z]+) (\d{4})$/.exec(s);
  if (m) {
    const mo = EN_MONTHS.indexOf(m[1]!.slice(0, 3));
    return mo < 0 ? null : [Number(m[2]), mo + 1];
  }
  m = /^(\d{4})$/.exec(s);
  return m ? [Number(m[1]), 0] : null;
}
const ym = (d: [number, number]): number => d[0] * 12 + Math.max(d[1], 1) - 1;
const NOW = SYNTH_NOW.year * 12 + SYNTH_NOW.month - 1;

const TARGET_NAMES = new Set([...P.GROUPS.huawei!.zh, ...P.GROUPS.huawei!.en].map(([n]) => n));

describe("generateResumes: determinism and ids", () => {
  const bytes = (seed: number, count = 500): string => {
    let s = "";
    for (const g of generateResumes({ count, seed })) s += formatJsonl(g) + formatLabelJsonl(g);
    return s;
  };

  it("gives the same bytes for the same seed", () => {
    expect(bytes(7)).toBe(bytes(7));
  });

  it("gives different records for different seeds", () => {
    const a = bytes(7).split("\n");
    const b = new Set(bytes(8).split("\n"));
    expect(a.filter((l) => l !== "" && b.has(l))).toEqual([]);
  });

  it("yields exactly count records", () => {
    expect([...generateResumes({ count: 0, seed: 1 })]).toEqual([]);
    expect([...generateResumes({ count: 37, seed: 1 })]).toHaveLength(37);
  });

  it("gives unique ids of the form R + 8 digits, matching label ids", () => {
    const ids = new Set<string>();
    for (const g of sample) {
      expect(g.record.id).toMatch(/^R\d{8}$/);
      expect(g.label.id).toBe(g.record.id);
      ids.add(g.record.id);
    }
    expect(ids.size).toBe(N);
  });

  it("rejects bad options", () => {
    const run = (o: Parameters<typeof generateResumes>[0]) => () => [...generateResumes(o)];
    expect(run({ count: 1, seed: 1, target: "nokia" })).toThrow(/unknown target group "nokia"/);
    expect(run({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(run({ count: 1.5, seed: 1 })).toThrow(RangeError);
    expect(run({ count: 1, seed: Number.NaN })).toThrow(RangeError);
    expect(run({ count: 1, seed: 1, rates: { target: 1.2 } })).toThrow(/rate target/);
    expect(run({ count: 1, seed: 1, rates: { tie: 0.01, nationalSecurity: 0.02 } })).toThrow(
      /nationalSecurity/,
    );
    expect(run({ count: 1, seed: 1, rates: { zhText: 0.6, en: 0.5 } })).toThrow(/zhText/);
  });
});

describe("generateResumes: labels agree with the records", () => {
  it("writes every tie's org into the record; concurrent posts say so", () => {
    let concurrent = 0;
    for (const g of sample) {
      const ss = strings(g.record);
      for (const t of g.label.ties) {
        const holders = ss.filter((s) => s.includes(t.org));
        expect(holders.length, `${g.record.id}: ${t.org}`).toBeGreaterThan(0);
        if (t.role === "concurrent") {
          concurrent++;
          expect(
            holders.some((s) => /兼任|concurrently/.test(s)),
            `${g.record.id}: ${t.org}`,
          ).toBe(true);
        }
      }
    }
    expect(concurrent).toBeGreaterThan(5);
  });

  it("sets national_security iff a military/intelligence/public-security tie is employment or concurrent", () => {
    let ns = 0;
    for (const g of sample) {
      const expected = g.label.ties.some(
        (t) => t.role !== "education" && ["military", "intelligence", "public_security"].includes(t.category),
      );
      expect(g.label.national_security).toBe(expected);
      if (expected) ns++;
    }
    expect(ns).toBeGreaterThan(50);
  });

  it("keeps target status consistent with dates: current iff the latest target stint is open", () => {
    let checked = 0;
    for (const g of sample) {
      const work = g.record.work;
      if (work === undefined) continue;
      const stints = work.filter((w) => w.company !== undefined && TARGET_NAMES.has(w.company));
      expect(stints.length > 0, g.record.id).toBe(g.label.target !== null);
      if (g.label.target === null) continue;
      checked++;
      const open = stints.filter((w) => OPEN.has(w.end ?? ""));
      expect(open.length > 0, g.record.id).toBe(g.label.target.status === "current");
      expect(open.length).toBeLessThanOrEqual(1);
      if (open.length === 1) {
        const start = parseField(open[0]!.start!)!;
        for (const w of stints) expect(ym(parseField(w.start!)!)).toBeLessThanOrEqual(ym(start));
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("writes structured dates that parse, run forwards and do not pass the generator's now", () => {
    for (const g of sample) {
      for (const e of [...(g.record.work ?? []), ...(g.record.education ?? [])]) {
        const s = parseField(e.start!);
        expect(s, `${g.record.id} ${e.start}`).not.toBeNull();
        if (OPEN.has(e.end!)) continue;
        const end = parseField(e.end!);
        expect(end, `${g.record.id} ${e.end}`).not.toBeNull();
        expect(ym(s!)).toBeLessThanOrEqual(ym(end!) + (end![1] === 0 ? 11 : 0));
        expect(ym(end!)).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it("never names the target group unless the record is a target employee or a labelled trap says so", () => {
    const markers = P.GROUP_MARKERS.huawei!;
    for (const g of sample) {
      const t = allText(g);
      const named = markers.some((m) => t.includes(m));
      const allowed =
        g.label.target !== null ||
        g.label.traps.includes("target_as_customer") ||
        g.label.traps.includes("huawei_certificate");
      if (named) expect(allowed, g.record.id).toBe(true);
      if (g.label.target !== null) expect(named, g.record.id).toBe(true);
    }
  });

  it("names no state body and no word of one outside labelled ties, traps and activities", () => {
    const rules: [RegExp, (l: Label) => boolean][] = [
      [/部队/, (l) => l.traps.includes("army_hotpot")],
      [/解放军|解放軍|军区|武警|总参/, () => false],
      [/国家安全|國家安全/, (l) => l.traps.includes("work_safety_admin")],
      [/国安/, (l) => l.traps.includes("beijing_guoan")],
      [
        /公安/,
        (l) =>
          l.traps.includes("gongan_county") ||
          l.traps.includes("police_as_customer") ||
          l.activities.includes("video_surveillance"),
      ],
      [/研究所|研究院|二院/, () => false],
      [/Army/, (l) => l.traps.includes("salvation_army")],
      [/Navy/, (l) => l.traps.includes("navy_federal")],
      [/PLA |State Security|Public Security|Research Institute|Defense|Aerospace|Aviation/, () => false],
      [
        new RegExp(
          [
            "国防",
            ...P.ZH_DEFENCE_SCHOOLS,
            ...P.ZH_SEVEN_SONS,
            ...P.EN_DEFENCE_SCHOOLS,
            ...P.EN_SEVEN_SONS,
          ].join("|"),
        ),
        () => false,
      ],
    ];
    for (const g of sample) {
      const ss = strings(g.record);
      for (const [re, allowed] of rules) {
        for (const s of ss) {
          const m = re.exec(s);
          if (m === null) continue;
          const inTie = g.label.ties.some((t) => t.org.includes(m[0]) && s.includes(t.org));
          expect(inTie || allowed(g.label), `${g.record.id}: ${m[0]} in ${s}`).toBe(true);
        }
      }
    }
  });

  it("plants every trap kind's text iff the trap is labelled", () => {
    const present: Record<(typeof TRAP_KINDS)[number], (t: string) => boolean> = {
      military_training: (t) => t.includes("军训"),
      road_address: (t) => P.TRAP_ROADS.some((r) => t.includes(r)),
      security_department: (t) => /(网络安全部|信息安全部|安全部) /.test(t),
      work_safety_admin: (t) => t.includes("国家安全生产监督管理总局"),
      beijing_guoan: (t) => t.includes("北京国安"),
      gongan_county: (t) => t.replaceAll("公安县公安局", "").includes("公安县"),
      army_hotpot: (t) => t.includes("部队火锅"),
      salvation_army: (t) => t.includes("Salvation Army"),
      navy_federal: (t) => t.includes("Navy Federal Credit Union"),
      postcode: (t) => /(?:邮编|\b)(?:518129|100085|200120|610041|310052|430074)(?:\b|,)/.test(t),
      staff_number: (t) => /工号|Employee ID/.test(t),
      huawei_certificate: (t) => /HC(?:IE|IP|IA)/.test(t),
      target_as_customer: (t) =>
        /设备的安装维护|授权经销商|供应商华为|authorised reseller|equipment for carrier|as a key supplier/.test(
          t,
        ),
      police_as_customer: (t) => /公安客户|公安行业客户|public security customers/.test(t),
    };
    const iff = new Set<string>(TRAP_KINDS.filter((k) => k !== "postcode"));
    for (const g of sample) {
      const t = allText(g);
      for (const k of TRAP_KINDS) {
        const labelled = g.label.traps.includes(k);
        if (labelled) expect(present[k](t), `${g.record.id}: ${k}`).toBe(true);
        else if (iff.has(k)) expect(present[k](t), `${g.record.id}: unlabelled ${k}`).toBe(false);
      }
    }
  });

  it("plants every activity's text iff the activity is labelled", () => {
    const present: Record<(typeof ACTIVITY_KINDS)[number], RegExp> = {
      lawful_interception: /合法监听|lawful interception/,
      video_surveillance: /视频监控平台|video surveillance platform/,
      information_capture: /information capture module/,
      safe_city: /平安城市|Safe City/,
      xueliang: /雪亮工程/,
    };
    for (const g of sample) {
      const t = allText(g);
      for (const k of ACTIVITY_KINDS) {
        expect(present[k].test(t), `${g.record.id}: ${k}`).toBe(g.label.activities.includes(k));
      }
    }
  });

  it("puts synthetic personal data in every record", () => {
    for (const g of sample) {
      const t = allText(g);
      expect(t, g.record.id).toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(t, g.record.id).toMatch(/[a-z0-9.]+@example\.(?:com|cn)/);
      if (g.record.text === undefined || g.record.work !== undefined) {
        expect(g.record.name).toBeTruthy();
        expect(g.record.address).toBeTruthy();
      }
    }
  });

  it("gives Chinese names to everyone with a tie to a Chinese state body", () => {
    let en = 0;
    for (const g of sample) {
      if (g.label.ties.length === 0 || g.label.language !== "en") continue;
      en++;
      const t = allText(g);
      expect(
        P.EN_FIRST.some((f) => t.includes(`${f} `)),
        g.record.id,
      ).toBe(false);
    }
    expect(en).toBeGreaterThan(20);
  });

  it("writes ID-like numbers whose check character is never valid", () => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let seen = 0;
    for (const g of sample) {
      for (const m of allText(g).matchAll(/(?<!\d)(\d{17})([\dX])(?!\d)/g)) {
        seen++;
        let sum = 0;
        for (let i = 0; i < 17; i++) sum += Number(m[1]![i]) * w[i]!;
        expect("10X98765432"[sum % 11]).not.toBe(m[2]);
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it("keeps at most five work and five education entries (the CSV variant's limit)", () => {
    for (const g of sample) {
      expect((g.record.work ?? []).length).toBeLessThanOrEqual(5);
      expect((g.record.education ?? []).length).toBeLessThanOrEqual(5);
    }
  });
});

describe("generateResumes: rates", () => {
  const share = (f: (g: Generated) => boolean, xs: Generated[] = sample): number =>
    xs.filter(f).length / xs.length;

  it("plants targets, ties and national-security experience at the default rates", () => {
    expect(Math.abs(share((g) => g.label.target !== null) - 0.4)).toBeLessThan(0.02);
    const targets = sample.filter((g) => g.label.target !== null);
    expect(Math.abs(share((g) => g.label.target?.status === "current", targets) - 0.5)).toBeLessThan(0.035);
    expect(Math.abs(share((g) => g.label.ties.length > 0) - 0.04)).toBeLessThan(0.008);
    expect(Math.abs(share((g) => g.label.national_security) - 0.015)).toBeLessThan(0.005);
  });

  it("mixes the shapes 70/15/15 with Chinese and English languages", () => {
    const by = (s: string) => share((g) => g.label.shape === s);
    expect(Math.abs(by("zh_structured") - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(by("zh_text") - 0.15)).toBeLessThan(0.015);
    expect(Math.abs(by("en_structured") + by("en_text") - 0.15)).toBeLessThan(0.015);
    for (const g of sample) {
      expect(g.label.language).toBe(g.label.shape.startsWith("en") ? "en" : "zh");
      const textOnly = g.label.shape.endsWith("_text");
      expect(Object.keys(g.record).sort()).toEqual(
        textOnly ? ["id", "text"] : expect.arrayContaining(["id", "name", "work", "education"]),
      );
    }
    expect(new Set(sample.map((g) => g.label.shape))).toEqual(new Set(SHAPES));
  });

  it("plants every trap kind, every activity kind and every tie role in 10k records", () => {
    for (const k of TRAP_KINDS)
      expect(share((g) => g.label.traps.includes(k)) * N, k).toBeGreaterThanOrEqual(30);
    for (const k of ACTIVITY_KINDS) {
      expect(share((g) => g.label.activities.includes(k)) * N, k).toBeGreaterThanOrEqual(5);
    }
    const cats = new Set(sample.flatMap((g) => g.label.ties.map((t) => `${t.category}/${t.role}`)));
    for (const c of [
      "military/employment",
      "military/concurrent",
      "intelligence/employment",
      "intelligence/concurrent",
      "public_security/employment",
      "public_security/concurrent",
      "defence_industry/employment",
      "defence_education/education",
      "defence_education_seven_sons/education",
    ]) {
      expect(cats.has(c), c).toBe(true);
    }
    expect(sample.some((g) => g.label.ties.some((t) => t.concurrent_with_target))).toBe(true);
  });

  it("follows tuned rates", () => {
    const none = [
      ...generateResumes({ count: 2000, seed: 3, rates: { target: 0, tie: 0, nationalSecurity: 0 } }),
    ];
    expect(none.every((g) => g.label.target === null && g.label.ties.length === 0)).toBe(true);
    const all = [
      ...generateResumes({
        count: 2000,
        seed: 3,
        rates: { target: 1, targetCurrent: 1, tie: 1, nationalSecurity: 1 },
      }),
    ];
    expect(all.every((g) => g.label.target?.status === "current" && g.label.national_security)).toBe(true);
    const en = [...generateResumes({ count: 500, seed: 3, rates: { zhText: 0, en: 1 } })];
    expect(en.every((g) => g.label.language === "en")).toBe(true);
  });

  it("uses another target group when asked, with Huawei then among the other employers", () => {
    const zte = [...generateResumes({ count: 3000, seed: 9, target: "zte" })];
    const markers = P.GROUP_MARKERS.zte!;
    let huawei = 0;
    for (const g of zte) {
      const t = allText(g);
      if (g.label.target !== null) expect(g.label.target.group).toBe("zte");
      const named = markers.some((m) => t.includes(m));
      if (named) {
        expect(g.label.target !== null || g.label.traps.includes("target_as_customer"), g.record.id).toBe(
          true,
        );
      }
      if (g.label.target === null && /华为|Huawei/.test(t) && !g.label.traps.includes("huawei_certificate"))
        huawei++;
    }
    expect(Math.abs(zte.filter((g) => g.label.target !== null).length / 3000 - 0.4)).toBeLessThan(0.04);
    expect(huawei).toBeGreaterThan(10);
  });
});
