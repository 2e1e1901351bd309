import { describe, expect, it } from "vitest";
import { compileLexicon } from "./compile.js";
import { findMentions, screenRecord } from "./screen.js";
import { TEST_ENTRIES } from "./test-lexicon.fixture.js";

const entries = TEST_ENTRIES;
const lex = compileLexicon(entries, { target: "huawei" });
const asOf = { year: 2026, month: 11 };
const at = { file: "t.jsonl", line: 1 };

describe("findMentions", () => {
  it("prefers the longest match and a specific entry inside a generic pattern", () => {
    const m = findMentions(lex, "x", "曾在中国人民解放军61398部队服役");
    expect(m.map((x) => [x.entry.id, x.text])).toEqual([["mil.unit.61398", "中国人民解放军61398部队"]]);
  });

  it("suppresses mentions inside traps but not traps inside mentions", () => {
    expect(findMentions(lex, "x", "部队火锅店店长")).toEqual([]);
    expect(findMentions(lex, "x", "湖北省公安县人").map((x) => x.entry.id)).toEqual([]);
    expect(findMentions(lex, "x", "公安县公安局").map((x) => x.text)).toEqual(["公安县公安局"]);
  });

  it("matches exact-case acronyms as words only", () => {
    expect(findMentions(lex, "x", "served in the PLA").map((x) => x.entry.id)).toEqual(["mil.pla"]);
    expect(findMentions(lex, "x", "display platform pla")).toEqual([]);
  });

  it("leaves other target groups out", () => {
    expect(findMentions(lex, "x", "中兴通讯")).toEqual([]);
  });

  it("reads a long text full of mentions and traps as it reads each part alone, in linear time", () => {
    const parts = [
      "曾在中国人民解放军61398部队服役",
      "部队火锅店店长",
      "湖北省公安县人",
      "公安县公安局",
      "served in the PLA",
      "华为技术有限公司",
      "display platform pla",
      "国家安全部",
      "解放路公安局",
    ];
    const alone = parts.map((p) => findMentions(lex, "x", p).map((m) => [m.entry.id, m.text]));
    const n = 6000;
    const text: string[] = [];
    const want: string[][] = [];
    for (let i = 0; i < n; i++) {
      const k = (i * 7) % parts.length;
      text.push(parts[k]!);
      want.push(...alone[k]!.map(([id, t]) => [id!, t!]));
    }
    const long = text.join("。\n");
    const t0 = performance.now();
    const got = findMentions(lex, "x", long);
    const ms = performance.now() - t0;
    console.log(
      `findMentions: ${long.length.toLocaleString("en-US")} characters, ${got.length} mentions in ${ms.toFixed(0)} ms`,
    );
    expect(want.length).toBeGreaterThan(n / 2);
    expect(got.map((m) => [m.entry.id, m.text])).toEqual(want);
    for (const m of got) expect(long.slice(m.start, m.end)).toBe(m.text);
  });
});

describe("screenRecord", () => {
  it("finds a current employee and a concurrent intelligence post", () => {
    const hit = screenRecord(
      {
        id: "r1",
        work: [
          {
            company: "华为技术有限公司",
            title: "研发工程师（兼任国家安全部驻公司联络员）",
            start: "2014.07",
            end: "至今",
          },
        ],
      },
      at,
      lex,
      { asOf },
    )!;
    expect(hit.target.status).toBe("current");
    expect(hit.target.entity).toBe("target.huawei");
    expect(hit.target.evidence[0]).toMatchObject({
      field: "work[0].company",
      text: "华为",
      start: 0,
      end: 2,
    });
    expect(hit.ties).toHaveLength(1);
    expect(hit.ties[0]).toMatchObject({
      category: "intelligence",
      role: "concurrent",
      concurrent_with_target: true,
    });
    expect(hit.ties[0]!.evidence).toMatchObject({
      field: "work[0].title",
      text: "国家安全部",
      entry: "int.mss",
    });
    expect(hit.national_security).toBe(true);
  });

  it("calls a former employee former and a past service a tie, not concurrent", () => {
    const hit = screenRecord(
      {
        id: "r2",
        work: [
          { company: "深圳市南山区公安局", start: "2016.01", end: "至今" },
          { company: "海思半导体有限公司", start: "2010-07", end: "2015-12" },
        ],
        education: [{ school: "国防科技大学", start: "2006", end: "2010" }],
      },
      at,
      lex,
      { asOf },
    )!;
    expect(hit.target).toMatchObject({
      status: "former",
      entity: "target.huawei.hisilicon",
      employer: "海思半导体有限公司",
    });
    const roles = hit.ties.map((t) => [t.category, t.role, t.concurrent_with_target]);
    expect(roles).toEqual([
      ["public_security", "employment", false],
      ["defence_education", "education", false],
    ]);
    expect(hit.national_security).toBe(true);
  });

  it("does not count mentions in descriptions, customers or certificates as employment or ties", () => {
    const hit = screenRecord(
      {
        id: "r3",
        work: [
          {
            company: "深圳市某某科技有限公司（华为授权代理商）",
            description: "负责华为设备的安装，为深圳市公安局提供技术支持",
          },
        ],
        certificates: ["华为HCIE认证"],
        education: [{ school: "某某大学", note: "大学军训优秀学员" }],
      },
      at,
      lex,
      { asOf },
    );
    expect(hit).toBeNull();
  });

  it("reports activities with their client, without making them ties", () => {
    const hit = screenRecord(
      { id: "r4", work: [{ company: "华为", description: "参与合法监听功能开发，客户为乌鲁木齐市公安局" }] },
      at,
      lex,
      { asOf },
    )!;
    expect(hit.ties).toEqual([]);
    expect(hit.activities).toEqual([
      expect.objectContaining({ activity: "act.li", client: "乌鲁木齐市公安局" }),
    ]);
    expect(hit.national_security).toBe(false);
  });

  it("judges overlapping dates as concurrent, and a hand-over month as not", () => {
    const overlapping = screenRecord(
      {
        id: "r5",
        work: [
          { company: "华为", start: "2010", end: "2015" },
          { company: "61398部队", start: "2014", end: "2016" },
        ],
      },
      at,
      lex,
      { asOf },
    )!;
    expect(overlapping.ties[0]).toMatchObject({
      role: "concurrent",
      concurrent_with_target: true,
      entity: "mil.unit.61398",
    });
    const handover = screenRecord(
      {
        id: "r6",
        work: [
          { company: "华为", start: "2010.01", end: "2015.03" },
          { company: "61398部队", start: "2015.03", end: "2018.01" },
        ],
      },
      at,
      lex,
      { asOf },
    )!;
    expect(handover.ties[0]).toMatchObject({ role: "employment", concurrent_with_target: false });
  });

  it("reads employment out of free text, and ignores state-body words that are not bodies", () => {
    const hit = screenRecord(
      {
        id: "r7",
        text: "2008年9月至2012年6月就读于国防科技大学。2012年7月至今，就职于华为技术有限公司，任研发工程师。爱吃部队火锅。",
      },
      at,
      lex,
      { asOf },
    )!;
    expect(hit.target.status).toBe("current");
    expect(hit.ties.map((t) => [t.entity, t.role])).toEqual([["edu.nudt", "education"]]);
    expect(hit.national_security).toBe(false);
  });

  it("leaves 国家安全生产监督管理总局 alone", () => {
    expect(
      screenRecord({ id: "r8", work: [{ company: "国家安全生产监督管理总局" }] }, at, lex, { asOf }),
    ).toBeNull();
  });

  it("takes a name that opens a dated line as a stint, in any script", () => {
    const hit = screenRecord(
      {
        id: "r9",
        text:
          "工作经历\n2016.08-2019.04 國家安全部 技术员\n2019.05-至今 HiSilicon 工程师，负责与合作伙伴对接\n" +
          "Huawei Technologies Co., Ltd. (09/1999—05/2008), Systems Architect",
      },
      at,
      lex,
      { asOf },
    )!;
    expect(hit.target.status).toBe("current");
    expect(hit.target.evidence.map((e) => e.text).sort()).toEqual(["HiSilicon", "Huawei"]);
    expect(hit.ties.map((t) => [t.entity, t.role, t.start, t.end])).toEqual([
      ["int.mss", "employment", "2016-08", "2019-04"],
    ]);
  });

  it("does not take a hand-over year written without months for concurrency", () => {
    const hit = screenRecord(
      {
        id: "r10",
        work: [
          { company: "华为", start: "2013", end: "2018" },
          { company: "国家安全部", start: "2018", end: "now" },
        ],
      },
      at,
      lex,
      { asOf },
    )!;
    expect(hit.ties[0]).toMatchObject({ role: "employment", concurrent_with_target: false });
    const overlapping = screenRecord(
      {
        id: "r11",
        work: [
          { company: "华为", start: "2010", end: "2016" },
          { company: "国家安全部", start: "2012", end: "2014" },
        ],
      },
      at,
      lex,
      { asOf },
    )!;
    expect(overlapping.ties[0]).toMatchObject({ role: "concurrent", concurrent_with_target: true });
  });
});
