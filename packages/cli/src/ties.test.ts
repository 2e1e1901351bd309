import { existsSync, readFileSync } from "node:fs";
import { ALL_TARGETS, candidateTies, compileLexicon } from "@tiegraph/core";
import { loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import { describe, expect, it } from "vitest";

const seed = new URL("../../../../shared/seeds/002_f6a670a1df599372.txt", import.meta.url).pathname;

describe.skipIf(!existsSync(seed))("candidate ties in the ASPI Xinjiang article (seed 002)", () => {
  it("finds Huawei's and ByteDance's dated ties to public-security and state bodies, and Huawei's denial", () => {
    const lex = compileLexicon(loadLexicon().entries, { target: ALL_TARGETS, traditional: traditionalOf });
    const found = candidateTies(readFileSync(seed, "utf8"), lex, { document: "seed:002", year: 2019 });
    const has = (company: RegExp, object: RegExp, date: string | null, stance = "reported") =>
      found.some(
        (c) =>
          company.test(c.subject.text) &&
          object.test(c.object.text) &&
          c.date === date &&
          c.stance === stance,
      );
    expect(has(/Huawei/, /police department in Karamay/, "2011")).toBe(true);
    expect(has(/Huawei/, /Xinjiang.s Public Security Department/, "2018")).toBe(true);
    expect(has(/Huawei/, /Xinjiang Broadcasting and Television Network/, "2019-05")).toBe(true);
    expect(has(/ByteDance/, /Ministry of Public Security/, "2019-04")).toBe(true);
    expect(
      found.some(
        (c) => c.subject.text === "Huawei" && c.stance === "denied" && /third parties/.test(c.evidence.text),
      ),
    ).toBe(true);
    console.log(`seed 002: ${found.length} candidate ties`);
  });
});
