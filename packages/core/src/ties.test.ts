import { describe, expect, it } from "vitest";
import { ALL_TARGETS, compileLexicon } from "./compile.js";
import { TEST_ENTRIES } from "./test-lexicon.fixture.js";
import { candidateTies, sentences } from "./ties.js";

const entries = TEST_ENTRIES;
const lex = compileLexicon(entries, { target: ALL_TARGETS });

describe("candidateTies", () => {
  it("pairs a watched company with a state body or government client by a word of relation, with the date", () => {
    const text =
      "Huawei is a large company. In May 2019, Huawei signed an agreement with the Ministry of Public Security. " +
      "2018年，中兴通讯与乌鲁木齐市公安局签署合作协议。Since 2011, Huawei has worked with the police department in Karamay.";
    const found = candidateTies(text, lex, { document: "d1" });
    expect(
      found.map((c) => [c.subject.entity, c.object.text, c.object.category, c.relation, c.date, c.stance]),
    ).toEqual([
      ["target.huawei", "Ministry of Public Security", "public_security", "signed", "2019-05", "reported"],
      ["target.zte", "乌鲁木齐市公安局", "public_security", "签署", "2018", "reported"],
      [
        "target.huawei",
        "the police department in Karamay",
        "public_security",
        "worked with",
        "2011",
        "reported",
      ],
    ]);
    for (const c of found) expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    expect(new Set(found.map((c) => c.id)).size).toBe(3);
  });

  it("reports denials as such, and leaves out sentences with no relation or no counterpart", () => {
    const found = candidateTies(
      "Huawei denied that it works for the Chinese Government. Huawei sells phones. The police arrived.",
      lex,
      { document: "d2", year: 2020 },
    );
    expect(found.map((c) => [c.subject.text, c.stance])).toEqual([["Huawei", "denied"]]);
  });

  it("places a month named without a year in the document's year", () => {
    const [c] = candidateTies("The Ministry of Public Security signed a deal with Huawei in April.", lex, {
      document: "d3",
      year: 2019,
    });
    expect(c?.date).toBe("2019-04");
  });

  it("splits sentences in English and Chinese", () => {
    const t = "One. Two!\n三。四";
    expect(sentences(t).map(([s, e]) => t.slice(s, e))).toEqual(["One.", "Two!", "三。", "四"]);
  });
});
