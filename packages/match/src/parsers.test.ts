import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { frRules, linkedTo, parseCsl, splitAffiliate } from "./csl.js";
import { diffLists } from "./diff.js";
import { parseFtm } from "./ftm.js";
import { groupByRule, type ListEntry, toFtm } from "./model.js";
import { ofacDate, parseOfac } from "./ofac.js";
import { listDate, parseOpenSanctionsCsv } from "./opensanctions.js";

const data = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));
const CSL = `${data}us-csl-2022/consolidated.csv.gz`;
const OFAC = `${data}ofac-consolidated-nonsdn-sample/`;
const FTM = `${data}ftm-samples/yente_t1_entities.ftm.json`;
const MILCORPS = `${data}opensanctions-curated-lists/us_dod_chinese_milcorps_1260h.csv`;
const COUNTER = `${data}opensanctions-curated-lists/cn_mfa_mofcom_countersanctions.csv`;

const byCaption = (entries: ListEntry[], caption: string) => entries.filter((e) => e.caption === caption);

const CSL_HEADER =
  "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,remarks,alt_names,citizenships";
const EL = "Entity List (EL) - Bureau of Industry and Security";
const cslText = [
  CSL_HEADER,
  `a1,${EL},,,,"Example Telecom Co., Ltd. (ExTel)",,"1 Harbour Road, Shenzhen, 518000, CN","84 FR 22961, 85 FR 51603 ",2019-05-21,,,"Shenzhen Example Telecom; and Example Telecom Group",`,
  `a2,${EL},,,,"Example Telecom Co., Ltd. (ExTel).  Affiliated Entity:  Example Cloud Computing Co., Ltd.",,"Beijing, CN",84 FR 22961,2019-05-21,,,,`,
  `a3,${EL},,,,"Xi?an Example Software Co., Ltd., Xi?an, Shaanxi",,"Xi'an, CN",84 FR 43495,2019-08-21,,,,`,
  'b1,Specially Designated Nationals (SDN) - Treasury Department,9001,Entity,RUSSIA-EO14024,SAMPLE HOLDING LIMITED,,"Limassol, CY",,,,(Linked To: SAMPLE PARENT BANK),,',
  'b1,Capta List (CAP) - Treasury Department,9001,Entity,RUSSIA-EO14024,SAMPLE HOLDING LIMITED,,"Limassol, CY",,,,(Linked To: SAMPLE PARENT BANK),,',
  'b2,Specially Designated Nationals (SDN) - Treasury Department,9002,Entity,RUSSIA-EO14024,SAMPLE PARENT BANK,,"Moscow, RU",,,,,,',
  'c1,Denied Persons List (DPL) - Bureau of Industry and Security,,Individual,,"DOE, Jane Example",,"Springfield, US",,2010-01-01,2030-01-01,,,US',
  "c2,too,few,columns",
  `c3,${EL},,,,,,"Nowhere, CN",,,,,,`,
  `c4,${EL},,,,"Unclosed Quote Trading,,`,
].join("\n");

describe("parseCsl", () => {
  const { entries, rejected } = parseCsl(cslText, { file: "csl.csv" });

  it("reads entries with aliases, addresses, countries, rules and dates", () => {
    const ex = byCaption(entries, "Example Telecom Co., Ltd. (ExTel)")[0];
    expect(ex).toMatchObject({
      dataset: "us_csl",
      schema: "Company",
      aliases: ["ExTel", "Shenzhen Example Telecom", "Example Telecom Group"],
      addresses: ["1 Harbour Road, Shenzhen, 518000, CN"],
      countries: ["cn"],
      rules: ["84 FR 22961", "85 FR 51603"],
      sources: [EL],
      listed: "2019-05-21",
      file: "csl.csv",
      line: 2,
    });
    const person = byCaption(entries, "DOE, Jane Example")[0];
    expect(person).toMatchObject({ schema: "Person", countries: ["us"], ended: "2030-01-01" });
  });

  it("keeps a mojibake name as found", () => {
    expect(byCaption(entries, "Xi?an Example Software Co., Ltd., Xi?an, Shaanxi")).toHaveLength(1);
  });

  it("turns 'Affiliated Entity:' and 'Linked To:' into parent links", () => {
    const parent = byCaption(entries, "Example Telecom Co., Ltd. (ExTel)")[0] as ListEntry;
    const child = byCaption(entries, "Example Cloud Computing Co., Ltd.")[0];
    expect(child?.parentNames).toEqual(["Example Telecom Co., Ltd. (ExTel)"]);
    expect(child?.parents).toEqual([parent.id]);
    const holding = byCaption(entries, "SAMPLE HOLDING LIMITED")[0];
    expect(holding?.parents).toEqual(byCaption(entries, "SAMPLE PARENT BANK").map((e) => e.id));
  });

  it("merges the same party listed in two source lists", () => {
    const holding = byCaption(entries, "SAMPLE HOLDING LIMITED");
    expect(holding).toHaveLength(1);
    expect(holding[0]?.sources).toHaveLength(2);
    expect(holding[0]?.id).toBe("us-csl-9001");
  });

  it("sets aside bad rows with file, line and reason", () => {
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [9, "column_count"],
      [10, "empty_record"],
      [11, "truncated"],
    ]);
    expect(rejected.every((r) => r.file === "csl.csv")).toBe(true);
    expect(parseCsl("a,b\n1,2").rejected[0]?.code).toBe("column_count");
  });

  it("groups affiliates by the rule that listed them", () => {
    const groups = groupByRule(entries);
    expect(groups.get("84 FR 22961")).toHaveLength(2);
    expect(groups.get("84 FR 43495")).toHaveLength(1);
  });

  it("maps onto a FollowTheMoney entity", () => {
    const child = byCaption(entries, "Example Cloud Computing Co., Ltd.")[0] as ListEntry;
    const ftm = toFtm(child);
    expect(ftm).toMatchObject({ id: child.id, schema: "Company", datasets: ["us_csl"] });
    expect(ftm.properties).toMatchObject({
      name: [child.caption],
      parent: child.parents,
      createdAt: ["2019-05-21"],
    });
    expect(ftm.properties.alias).toBeUndefined();
  });

  it("parses the pieces on their own", () => {
    expect(frRules("68 F.R. 38290 6/27/03 71 F.R. 38843")).toEqual(["68 FR 38290", "71 FR 38843"]);
    expect(splitAffiliate("Plain Name Ltd.")).toEqual({ name: "Plain Name Ltd.", parent: null });
    expect(linkedTo("DOB 1962; Linked To: ALPHA GROUP; Linked To: BETA LLC.")).toEqual([
      "ALPHA GROUP",
      "BETA LLC",
    ]);
  });
});

describe.skipIf(!existsSync(CSL))("parseCsl on the full list", () => {
  it("reads all 14,160 rows, merges parties listed twice and links the Huawei affiliates", () => {
    const { entries, rejected } = parseCsl(gunzipSync(readFileSync(CSL)), { file: "consolidated.csv.gz" });
    expect(rejected).toEqual([]);
    expect(entries.length).toBeGreaterThan(13_900);
    expect(entries.length).toBeLessThan(14_160);
    const marine = byCaption(entries, "Huawei Marine Networks Co., Ltd.")[0];
    expect(marine?.parentNames).toEqual(["Huawei Technologies Co., Ltd. (Huawei)"]);
    const parents = marine?.parents.map((id) => entries.find((e) => e.id === id)?.caption);
    expect(parents).toContain("Huawei Technologies Co., Ltd. (Huawei)");
    expect(marine?.aliases).toContain("HMN Technologies");
    expect(byCaption(entries, "Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi")).toHaveLength(1);
    const rules = groupByRule(entries);
    // Huawei and its affiliates, May and August 2019 and August 2020
    expect(rules.get("84 FR 22961")?.length).toBeGreaterThan(60);
    expect(rules.get("84 FR 43495")?.length).toBeGreaterThan(40);
    expect(rules.get("85 FR 51603")?.length).toBeGreaterThan(30);
  });
});

const prim = [
  '100,"EXAMPLE HOLDING CO., LTD.",-0- ,"CMIC-EO13959",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Listing Date (CMIC) 03 Jun 2021; a.k.a. \'EXHOLD\'."',
  '101,"EXAMPLE CAPITAL LIMITED",-0- ,"CMIC-EO13959] [SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Issuer Name Example Capital Ltd; Linked T"',
  '102,"DOE, John Sample","individual","NS-PLC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1950."',
  '103,-0- ,-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
  "\u001a",
].join("\r\n");
const comments = '101,"o: EXAMPLE HOLDING CO., LTD."\r\n';
const alt = '100,1,"aka","EXAMPLE HOLDING COMPANY LIMITED",-0- \r\n999,2,"aka","ORPHAN",-0- \r\n';
const add =
  '100,5,"1 Example Road","Guangdong, Shenzhen","China",-0- \r\n101,6,-0- ,"Road Town","Virgin Islands, British",-0- \r\n';

describe("parseOfac", () => {
  const { entries, rejected } = parseOfac({ prim, alt, add, comments });
  const get = (id: string) => entries.find((e) => e.id === id) as ListEntry;

  it("joins the three files on the entity number and reads '-0-' as empty", () => {
    expect(get("ofac-100")).toMatchObject({
      caption: "EXAMPLE HOLDING CO., LTD.",
      schema: "Company",
      programs: ["CMIC-EO13959"],
      aliases: ["EXAMPLE HOLDING COMPANY LIMITED", "EXHOLD"],
      addresses: ["1 Example Road, Guangdong, Shenzhen, China"],
      countries: ["cn"],
      listed: "2021-06-03",
    });
    expect(get("ofac-101").programs).toEqual(["CMIC-EO13959", "SDGT"]);
    expect(get("ofac-101").countries).toEqual(["vg"]);
    expect(get("ofac-102").schema).toBe("Person");
  });

  it("continues cut remarks from the comments file and links 'Linked To:' parents", () => {
    expect(get("ofac-101").remarks).toContain("Linked To: EXAMPLE HOLDING");
    expect(get("ofac-101").parents).toEqual(["ofac-100"]);
  });

  it("sets aside rows without a name and rows pointing at no primary record", () => {
    expect(rejected.map((r) => [r.file, r.line, r.code])).toEqual([
      ["cons_prim.csv", 4, "empty_record"],
      ["cons_alt.csv", 2, "wrong_type"],
    ]);
    expect(ofacDate("03 Jun 2021")).toBe("2021-06-03");
    expect(ofacDate("2021-06-03")).toBeUndefined();
  });
});

describe.skipIf(!existsSync(`${OFAC}cons_prim.csv`))("parseOfac on the OFAC sample", () => {
  it("links Proven Glory to Huawei Investment & Holding", () => {
    const read = (f: string) => readFileSync(`${OFAC}${f}`);
    const { entries, rejected } = parseOfac({
      prim: read("cons_prim.csv"),
      alt: read("cons_alt.csv"),
      add: read("cons_add.csv"),
      comments: read("cons_comments.csv"),
    });
    expect(entries).toHaveLength(442);
    expect(rejected).toEqual([]);
    const glory = entries.find((e) => e.id === "ofac-32089");
    expect(glory).toMatchObject({ caption: "PROVEN GLORY CAPITAL LIMITED", listed: "2021-06-03" });
    // the holding company, and Huawei Technologies, which OFAC also lists under the holding's name
    expect(glory?.parents).toEqual(["ofac-30947", "ofac-32087"]);
    expect(glory?.aliases).toContain("PROVEN GLORY");
    expect(entries.filter((e) => e.programs.includes("CMIC-EO13959"))).toHaveLength(68);
  });
});

const ftmLines = [
  JSON.stringify({
    id: "co-1",
    schema: "Company",
    caption: "Example Optics Ltd",
    properties: {
      name: ["Example Optics Ltd"],
      alias: ["ExOptics"],
      country: ["cn"],
      addressEntity: ["addr-1"],
    },
    datasets: ["sample_list"],
  }),
  JSON.stringify({
    id: "addr-1",
    schema: "Address",
    caption: "1 Lens Road, Wuhan",
    properties: { full: ["1 Lens Road, Wuhan"] },
  }),
  JSON.stringify({
    id: "co-2",
    schema: "Company",
    properties: { name: ["Example Optics Parent Ltd"] },
    datasets: ["sample_list"],
  }),
  JSON.stringify({ id: "own-1", schema: "Ownership", properties: { owner: ["co-2"], asset: ["co-1"] } }),
  JSON.stringify({
    id: "san-1",
    schema: "Sanction",
    properties: {
      entity: ["co-1"],
      program: ["EXAMPLE-PROGRAM"],
      authority: ["Example Authority"],
      listingDate: ["2020-02-02"],
    },
  }),
  "{not json",
  "[1, 2]",
  JSON.stringify({ id: "pay-1", schema: "Payment", properties: {} }),
  JSON.stringify({ id: "co-3", schema: "Company", properties: {} }),
].join("\n");

describe("parseFtm", () => {
  const { entries, rejected } = parseFtm(ftmLines, { file: "x.ftm.json" });

  it("reads listed parties, resolving addresses, sanctions and ownership", () => {
    expect(entries.map((e) => e.id)).toEqual(["co-1", "co-2"]);
    expect(entries[0]).toMatchObject({
      dataset: "sample_list",
      aliases: ["ExOptics"],
      addresses: ["1 Lens Road, Wuhan"],
      countries: ["cn"],
      programs: ["EXAMPLE-PROGRAM"],
      sources: ["Example Authority"],
      listed: "2020-02-02",
      parents: ["co-2"],
    });
  });

  it("sets aside malformed lines and schemata that are not listed parties", () => {
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [6, "invalid_json"],
      [7, "not_an_object"],
      [8, "wrong_type"],
      [9, "empty_record"],
    ]);
  });
});

describe.skipIf(!existsSync(FTM))("parseFtm on the yente sample", () => {
  it("reads the six parties and consumes the Address entity", () => {
    const { entries, rejected } = parseFtm(readFileSync(FTM), { file: "yente_t1_entities.ftm.json" });
    expect(rejected).toEqual([]);
    expect(entries).toHaveLength(6);
    expect(entries.every((e) => e.dataset === "eu_fsf")).toBe(true);
    expect(entries.filter((e) => e.schema === "Person")).toHaveLength(4);
    expect(entries.some((e) => e.schema === ("Address" as string))).toBe(false);
  });
});

const curated = [
  "Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url",
  '"Example Aero Co., Ltd. (ExAero)*","Example Aero Co., Ltd.",ExAero,,,,2021-06-03,,',
  '"Example Aero Parts Co., Ltd.","Example Aero Parts Co., Ltd.",,Old Aero Parts,"Example Aero Co., Ltd.",,2022-10-05,2024-01-31,',
  '"Example Aero Parts Co., Ltd.","Example Aero Parts Co., Ltd.",,,"Example Aero Co., Ltd.",,2025-01-07,,https://example.org/list',
  ",,,,,,,,",
].join("\n");
const counter = [
  "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address",
  "Company,,Example Defense Systems Inc.,,示例防务系统公司,US,sanction.counter,,,Ministry of Commerce,UEL,09.10.25,,,",
  "Person,,Sample Person,,样本人,Japan,sanction.counter,,,Ministry of Foreign Affairs,,02.12.2019,,,",
].join("\n");

describe("parseOpenSanctionsCsv", () => {
  it("reads the 1260H layout: parents, aliases and editions merged", () => {
    const { entries, rejected } = parseOpenSanctionsCsv(curated, { dataset: "us_dod_chinese_milcorps" });
    expect(rejected.map((r) => [r.line, r.code])).toEqual([[5, "empty_record"]]);
    expect(entries).toHaveLength(2);
    const parts = entries[1] as ListEntry;
    expect(parts).toMatchObject({
      caption: "Example Aero Parts Co., Ltd.",
      aliases: ["Old Aero Parts"],
      listed: "2022-10-05",
      parents: [entries[0]?.id],
      sourceUrl: "https://example.org/list",
    });
    // listed again in a later edition with no end date: not ended
    expect(parts.ended).toBeUndefined();
    expect(entries[0]?.aliases).toEqual(["ExAero"]);
  });

  it("reads the counter-sanctions layout with Chinese names and day-first dates", () => {
    const { entries } = parseOpenSanctionsCsv(counter, { dataset: "cn_sanctions" });
    expect(entries[0]).toMatchObject({
      schema: "Company",
      names: ["Example Defense Systems Inc.", "示例防务系统公司"],
      countries: ["us"],
      listed: "2025-10-09",
      sources: ["Ministry of Commerce", "UEL"],
    });
    expect(entries[1]).toMatchObject({ schema: "Person", countries: ["jp"], listed: "2019-12-02" });
    expect(listDate("2021-06-03")).toBe("2021-06-03");
    expect(listDate("June 2021")).toBeUndefined();
  });
});

describe.skipIf(!existsSync(MILCORPS) || !existsSync(COUNTER))(
  "parseOpenSanctionsCsv on the curated lists",
  () => {
    it("links Huawei Technologies to Huawei Investment & Holding and keeps Chinese names", () => {
      const mil = parseOpenSanctionsCsv(readFileSync(MILCORPS), { dataset: "us_dod_chinese_milcorps" });
      expect(mil.rejected).toEqual([]);
      const tech = byCaption(mil.entries, "Huawei Technologies Co., Ltd.")[0];
      const holding = byCaption(mil.entries, "Huawei Investment & Holding Co., Ltd.")[0];
      expect(tech?.parents).toEqual([holding?.id]);
      expect(tech?.listed).toBe("2021-06-03");
      expect(mil.entries.length).toBeLessThan(397);
      const cn = parseOpenSanctionsCsv(readFileSync(COUNTER), { dataset: "cn_sanctions" });
      expect(cn.rejected).toEqual([]);
      expect(cn.entries.filter((e) => e.names.some((n) => /\p{Script=Han}/u.test(n))).length).toBeGreaterThan(
        300,
      );
    });
  },
);

describe("diffLists", () => {
  it("records what was added, removed and changed, with dates", () => {
    const before = parseCsl(cslText).entries;
    const after = before
      .filter((e) => e.caption !== "SAMPLE PARENT BANK")
      .map((e) =>
        e.caption.startsWith("Example Telecom") ? { ...e, addresses: ["2 Harbour Road, Shenzhen, CN"] } : e,
      );
    const added = {
      ...(before[0] as ListEntry),
      id: "us-csl-new",
      caption: "New Example Ltd",
      listed: "2022-04-21",
    };
    delete (added as Partial<ListEntry>).listed;
    const d = diffLists(before, [...after, added], { date: "2022-04-21" });
    expect(d.added).toEqual([{ id: "us-csl-new", caption: "New Example Ltd", date: "2022-04-21" }]);
    expect(d.removed).toEqual([{ id: "us-csl-9002", caption: "SAMPLE PARENT BANK", date: "2022-04-21" }]);
    expect(d.changed.map((c) => [c.caption, c.fields])).toEqual([
      ["Example Telecom Co., Ltd. (ExTel)", ["addresses"]],
    ]);
    expect(d.unchanged).toBe(before.length - 2);
    expect(diffLists(before, before)).toMatchObject({ added: [], removed: [], changed: [] });
  });
});
