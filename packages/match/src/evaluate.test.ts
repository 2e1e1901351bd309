import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { toFullWidth, traditionalForms } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanName, parseCsl, splitAffiliate } from "./csl.js";
import { parseCsv } from "./csv.js";
import { buildIndex, type MatchIndex, match } from "./matcher.js";
import type { ListEntry } from "./model.js";

/**
 * Evaluation on the real Consolidated Screening List: name variants of the Huawei entities (the gold
 * set is the list's own Huawei subset) and hard negatives, unrelated Chinese companies that share
 * characters or syllables with them. Prints precision and recall.
 */

const data = fileURLToPath(new URL("../../../../shared/data/us-csl-2022/", import.meta.url));
const CSL = `${data}consolidated.csv.gz`;
const SUBSET = `${data}huawei_subset.csv`;

/** Chinese names of Huawei entities (from the project's lexicon and the companies' own registrations) → the list's name. */
const CHINESE: [string, string][] = [
  ["华为技术有限公司", "Huawei Technologies Co., Ltd. (Huawei)"],
  ["华为投资控股有限公司", "HUAWEI INVESTMENT & HOLDING CO., LTD."],
  ["海思半导体有限公司", "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District"],
  ["深圳市海思半导体有限公司", "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District"],
  ["上海海思技术有限公司", "Shanghai Haisi Technology Co., Ltd."],
  ["华为终端有限公司", "Huawei Device Co., Ltd."],
  ["华为机器有限公司", "Huawei Machine Co., Ltd."],
  ["华为海洋网络有限公司", "Huawei Marine Networks Co., Ltd."],
  ["北京华为数字技术有限公司", "Beijing Huawei Digital Technologies Co., Ltd."],
  ["上海华为技术有限公司", "Shanghai Huawei Technologies Co., Ltd."],
  ["成都华为技术有限公司", "Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan"],
  ["西安华为技术有限公司", "Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi"],
  ["杭州华为数字技术有限公司", "Hangzhou Huawei Digital Technology Co., Ltd., Hangzhou, Zhejiang, China"],
  ["华为软件技术有限公司", "Huawei Software Technologies Co., Ltd., Nanjing, Jiangsu"],
  ["华为技术服务有限公司", "Huawei Technical Service Co., Ltd."],
  ["华为数字技术（苏州）有限公司", "Huawei Digital Technologies (Suzhou) Co., Ltd."],
  ["华为云计算技术有限公司", "Huawei Cloud Computing Technology"],
  ["海思光电子有限公司", "HiSilicon Optoelectronics Co., Ltd., Wuhan, Hubei"],
  ["深圳市华为安捷信电气有限公司", "Shenzhen Huawei Anjiexin Electricity Co., Ltd."],
  ["华为", "Huawei Technologies Co., Ltd. (Huawei)"],
  ["海思", "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District"],
];

/** Pinyin spellings of the Chinese names → the list's name. */
const PINYIN: [string, string][] = [
  ["Huawei Jishu Youxian Gongsi", "Huawei Technologies Co., Ltd. (Huawei)"],
  ["Shanghai Haisi Jishu Youxian Gongsi", "Shanghai Haisi Technology Co., Ltd."],
  ["Hua Wei Technologies Co Ltd", "Huawei Technologies Co., Ltd. (Huawei)"],
  ["Huawei Zhongduan Youxian Gongsi", "Huawei Device Co., Ltd."],
];

/** Unrelated companies that share characters, syllables or generic words with Huawei entities. */
const NEGATIVES: string[] = [
  "华夏银行股份有限公司",
  "华夏幸福基业股份有限公司",
  "华新水泥股份有限公司",
  "海尔集团公司",
  "华润（集团）有限公司",
  "华能国际电力股份有限公司",
  "华侨城集团有限公司",
  "海信集团控股股份有限公司",
  "海航集团有限公司",
  "华友钴业股份有限公司",
  "华兰生物工程股份有限公司",
  "深圳华强电子有限公司",
  "海天味业股份有限公司",
  "上海华谊集团股份有限公司",
  "华电国际电力股份有限公司",
  "Huaxia Bank Co., Ltd.",
  "Haier Group Corporation",
  "China Resources (Holdings) Co., Ltd.",
  "Huaneng Power International, Inc.",
  "Hisense Group Holdings Co., Ltd.",
  "Huayi Brothers Media Corporation",
  "Shenzhen Huaqiang Electronics Co., Ltd.",
  "Hualan Biological Engineering Inc.",
  "Haitian Flavouring and Food Co., Ltd.",
  "Shanghai Huayi Group Corporation Limited",
  "Huadian Power International Corporation Limited",
  "Hangzhou Silan Microelectronics Co., Ltd.",
  "Shenzhen Goodix Technology Co., Ltd.",
  "Beijing Sinnet Technology Co., Ltd.",
  "Huawen Media Group",
];

// deterministic variants
const typo = (s: string): string => {
  const words = s.split(" ");
  let k = 0;
  words.forEach((w, i) => {
    if (w.length > (words[k] as string).length) k = i;
  });
  const w = words[k] as string;
  if (w.length < 5) return s;
  const i = Math.floor(w.length / 2);
  words[k] = w.slice(0, i) + (w[i + 1] ?? "") + w[i] + w.slice(i + 2);
  return words.join(" ");
};
const legalVariants = (s: string): string[] => {
  const out: string[] = [];
  if (/Co\., Ltd\.?/.test(s)) {
    out.push(s.replace(/Co\., Ltd\.?/, "Company Limited"), s.replace(/Co\., Ltd\.?/, "Co Ltd"));
    out.push(s.replace(/,?\s*Co\., Ltd\.?/, ""));
  } else if (/\b(Limited|Ltd\.?|LLC|GmbH|S\.A\.?|Inc\.?)$/.test(s)) {
    out.push(s.replace(/,?\s*\b(Limited|Ltd\.?|LLC|GmbH|S\.A\.?|Inc\.?)$/, ""));
  } else out.push(`${s} Co., Ltd.`);
  return out;
};

interface Case {
  query: string;
  gold: Set<string>;
  kind: string;
}

describe.skipIf(!existsSync(CSL) || !existsSync(SUBSET))(
  "evaluation on the Consolidated Screening List",
  () => {
    let index: MatchIndex;
    let entries: ListEntry[];
    const cases: Case[] = [];
    const huawei = new Set<string>();

    beforeAll(() => {
      entries = parseCsl(gunzipSync(readFileSync(CSL)), { file: "consolidated.csv.gz" }).entries;
      index = buildIndex(entries, { lexicon: loadLexicon().entries });
      const byCaption = new Map<string, string[]>();
      for (const e of entries) byCaption.set(e.caption, [...(byCaption.get(e.caption) ?? []), e.id]);
      const gold = (caption: string) => new Set(byCaption.get(caption) ?? []);
      const rows = parseCsv(readFileSync(SUBSET, "utf8"));
      const header = (rows[0] as { fields: string[] }).fields;
      const nameCol = header.indexOf("name");
      const seen = new Set<string>();
      for (const row of rows.slice(1)) {
        const caption = splitAffiliate(cleanName(row.fields[nameCol] as string)).name;
        for (const id of byCaption.get(caption) ?? []) huawei.add(id);
        if (seen.has(caption)) continue;
        seen.add(caption);
        const g = gold(caption);
        const add = (query: string, kind: string) => {
          if (query.trim()) cases.push({ query, gold: g, kind });
        };
        add(caption, "as listed");
        add(caption.toUpperCase(), "upper case");
        for (const v of legalVariants(caption)) add(v, "legal form");
        add(typo(caption), "typo");
        add(toFullWidth(caption), "full width");
        if (/Huawei/.test(caption)) add(caption.replace("Huawei", "Hua Wei"), "pinyin spacing");
      }
      for (const [zh, en] of CHINESE) {
        cases.push({ query: zh, gold: gold(en), kind: "Chinese" });
        for (const t of traditionalForms(zh)) cases.push({ query: t, gold: gold(en), kind: "traditional" });
      }
      for (const [py, en] of PINYIN) cases.push({ query: py, gold: gold(en), kind: "pinyin" });
    }, 120_000);

    it("has a gold entry for every labelled variant", () => {
      expect(cases.length).toBeGreaterThan(700);
      for (const c of cases) expect(c.gold.size, c.query).toBeGreaterThan(0);
    });

    it("finds ≥ 95 % of the variants and flags few unrelated companies", () => {
      const missed: string[] = [];
      const byKind = new Map<string, { n: number; hit: number }>();
      let matches = 0;
      let relevant = 0;
      let top1 = 0;
      for (const c of cases) {
        const results = match(index, { schema: "Company", properties: { name: [c.query] } }, { limit: 20 });
        const hit = results.some((r) => r.match && c.gold.has(r.id));
        if (results[0] && c.gold.has(results[0].id)) top1++;
        else if (
          results[0] &&
          results[1] &&
          c.gold.has(results[1].id) &&
          results[1].score === results[0].score
        )
          top1++;
        const k = byKind.get(c.kind) ?? { n: 0, hit: 0 };
        k.n++;
        if (hit) k.hit++;
        byKind.set(c.kind, k);
        if (!hit) missed.push(`${c.kind}: ${c.query}`);
        for (const r of results) {
          if (!r.match) continue;
          matches++;
          // the gold entry, another Huawei entity of the list, or an affiliate reached through a parent link
          if (c.gold.has(r.id) || huawei.has(r.id) || r.via) relevant++;
        }
      }
      let falseAlarms = 0;
      const alarms: string[] = [];
      for (const q of NEGATIVES) {
        const results = match(index, { schema: "Company", properties: { name: [q] } }, { limit: 20 });
        for (const r of results) {
          if (!r.match) continue;
          matches++;
          falseAlarms++;
          alarms.push(`${q} → ${r.caption} (${r.score})`);
        }
      }
      const recall = (cases.length - missed.length) / cases.length;
      const precision = relevant / matches;
      const negativesClear = NEGATIVES.filter(
        (q) => !match(index, { schema: "Company", properties: { name: [q] } }).some((r) => r.match),
      ).length;
      console.log(
        [
          `variants: ${cases.length}, recall ${recall.toFixed(3)}, gold entry ranked first ${(top1 / cases.length).toFixed(3)}`,
          ...[...byKind].map(([k, v]) => `  ${k}: ${v.hit}/${v.n}`),
          `matches: ${matches}, relevant ${relevant}, precision ${precision.toFixed(3)}`,
          `hard negatives: ${NEGATIVES.length}, with no match ${negativesClear}, false alarms ${falseAlarms}`,
          ...alarms.map((a) => `  false alarm: ${a}`),
          ...missed.map((m) => `  missed: ${m}`),
        ].join("\n"),
      );
      expect(recall).toBeGreaterThanOrEqual(0.95);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(negativesClear / NEGATIVES.length).toBeGreaterThanOrEqual(0.9);
    });
  },
);
