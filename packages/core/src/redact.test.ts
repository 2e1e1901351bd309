import { describe, expect, it } from "vitest";
import { compileLexicon } from "./compile.js";
import type { ResumeRecord } from "./record.js";
import { coarsenDates, maskUnits, profilesMarkdown, redactText, toProfile } from "./redact.js";
import { screenRecord } from "./screen.js";
import { TEST_ENTRIES } from "./test-lexicon.fixture.js";

const entries = TEST_ENTRIES;
const lex = compileLexicon(entries, { target: "huawei" });

const NAME = "欧阳明华";
const PHONE = "13912345678";
const EMAIL = "ouyang.minghua@example.cn";
const ADDRESS = "广东省深圳市南山区科技园路88号";
const ID = "44030519850315123X";
const PERSONAL = `${NAME}（${PHONE}，${EMAIL}，住${ADDRESS}，身份证${ID}）`;

/** A record with personal data in every field. */
const record: ResumeRecord = {
  id: "secret-id-1",
  name: NAME,
  phone: PHONE,
  email: EMAIL,
  address: ADDRESS,
  education: [{ school: `国防科技大学 ${PERSONAL}`, note: PERSONAL, start: "2004.09", end: "2008.06" }],
  work: [
    {
      company: "华为技术有限公司",
      title: `研发工程师，兼任国家安全部驻公司联络员 ${PERSONAL}`,
      start: "2012年3月",
      end: "至今",
      description: `${PERSONAL} 参与合法监听功能开发。2013年5月起负责信息采集，联系人${NAME}。`,
    },
    { company: `中国人民解放军61398部队 ${PERSONAL}`, title: PERSONAL, start: "2008-07", end: "2012-02" },
  ],
  certificates: [PERSONAL],
  text: `${PERSONAL} 2008年7月至2012年2月在61398部队服役，工号 20190123。`,
};

describe("redaction", () => {
  it("lets no personal data of the record into its profile or the Markdown", () => {
    const hit = screenRecord(record, { file: "f", line: 1 }, lex, { asOf: { year: 2026, month: 1 } })!;
    expect(hit.national_security).toBe(true);
    const profile = toProfile(hit, record, "P-TEST");
    const published = JSON.stringify(profile) + profilesMarkdown([profile], "t");
    for (const secret of [
      NAME,
      "明华",
      PHONE,
      EMAIL,
      ADDRESS,
      "科技园路88号",
      ID,
      "secret-id-1",
      "61398",
      "20190123",
    ]) {
      expect(published, secret).not.toContain(secret);
    }
    expect(published).not.toMatch(/1[3-9][0-9]{9}/);
    expect(published).not.toMatch(/@/);
    expect(published).not.toMatch(/(19|20)[0-9]{2}(年\s*[0-9]{1,2}\s*月|[-./][0-9]{1,2})/);
    expect(profile.pseudonym).toBe("P-TEST");
    expect(profile.ties.map((t) => t.org)).toContain("某部");
    expect(profile.ties.find((t) => t.category === "intelligence")?.evidence).toContain("国家安全部");
    expect(profile.work.map((w) => [w.start, w.end])).toEqual([
      ["2012", "present"],
      ["2008", "2012"],
    ]);
  });

  it("masks unit designators and coarsens dates to years", () => {
    expect(maskUnits("曾在中国人民解放军61398部队、兰州军区84564部队和 PLA Unit 61486 服役")).toBe(
      "曾在某部、某部和 某部 服役",
    );
    expect(coarsenDates("2015年3月至2018.06, Mar 2019 - 04/2020")).toBe("2015年至2018, 2019 - 2020");
  });

  it("removes phone-, email- and ID-shaped strings even when the record does not list them", () => {
    const out = redactText("电话 +86 138 1234 5678，邮箱 a.b@example.com，证件 110101199003070011", {
      id: "x",
    });
    expect(out).toBe("电话 [phone]，邮箱 [email]，证件 [id]");
  });
});
