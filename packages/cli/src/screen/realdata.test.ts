import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hit } from "@tiegraph/core";
import { describe, expect, it } from "vitest";

/** Screens of real public resume text from ../shared/data, skipped where that folder is absent. */
const data = new URL("../../../../../shared/data/", import.meta.url).pathname;
const kaggle = join(data, "resume-en-kaggle-categories", "UpdatedResumeDataSet.csv");
const ner = join(data, "resume-ner-zh");
const bin = new URL("../../dist/bin.js", import.meta.url).pathname;
const env = { ...process.env, TIEGRAPH_PSEUDONYM_KEY: "test-key" };

async function screen(args: string[]): Promise<{ hits: Hit[]; funnel: Record<string, unknown> }> {
  const out = mkdtempSync(join(tmpdir(), "tiegraph-real-"));
  const r = await new Promise<{ status: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, "screen", ...args, "--out", out, "--as-of", "2020-01"],
      { env },
      (error, _stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
  expect(r.status, r.stderr).toBe(0);
  const hits = readFileSync(join(out, "hits.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Hit);
  return { hits, funnel: JSON.parse(readFileSync(join(out, "funnel.json"), "utf8")) };
}

describe.skipIf(!existsSync(kaggle))("962 English resumes with no Chinese state ties (Kaggle)", () => {
  it("raises no flag at all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-kaggle-"));
    const map = join(dir, "map.json");
    writeFileSync(map, JSON.stringify({ text: "Resume" }));
    const { hits, funnel } = await screen([kaggle, "--map", map, "--invalid-encoding", "replace"]);
    expect(funnel.records_read).toBe(962);
    expect(funnel.records_screened).toBe(962);
    console.log(`Kaggle English resumes: ${hits.length} flagged of 962`);
    expect(hits).toEqual([]);
  });
});

describe.skipIf(!existsSync(ner))("Chinese executive resumes (ResumeNER, Sina Finance)", () => {
  it("finds the Huawei careers, PLA units and police posts that the text states", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-ner-"));
    const file = join(dir, "sentences.jsonl");
    const lines: string[] = [];
    for (const split of ["train", "dev", "test"]) {
      const text = readFileSync(join(ner, `${split}.char.bmes`), "utf8");
      text
        .split(/\n\s*\n/)
        .map((block) =>
          block
            .split("\n")
            .filter(Boolean)
            .map((l) => l.split(" ")[0])
            .join(""),
        )
        .filter(Boolean)
        .forEach((sentence, i) => {
          lines.push(JSON.stringify({ id: `${split}-${i + 1}`, text: sentence }));
        });
    }
    writeFileSync(file, `${lines.join("\n")}\n`);
    const { hits } = await screen([file]);
    const byText = (needle: string) => {
      const i = lines.findIndex((l) => l.includes(needle));
      return hits.find((h) => h.id === (JSON.parse(lines[i]!) as { id: string }).id);
    };
    expect(byText("乌克兰华为财经管理部长")?.target.status).toBe("former");
    expect(byText("曾任00423部队组织宣传股干事")?.ties.map((t) => [t.category, t.org])).toEqual([
      ["military", "00423部队"],
      ["military", "00429部队"],
    ]);
    expect(byText("在兰州军区84564部队工作")?.ties.map((t) => t.category)).toEqual(["military"]);
    expect(byText("北京市公安局刑侦处干警")?.ties.map((t) => [t.category, t.role])).toEqual([
      ["public_security", "employment"],
    ]);
    const ns = hits.filter((h) => h.national_security).length;
    const flagged = hits.filter((h) => h.ties.length > 0).length;
    console.log(
      `ResumeNER: ${lines.length} sentences, ${flagged} with ties, ${ns} with national-security experience`,
    );
    // Nobody in these executives' resumes is said to work for the state-security ministry.
    expect(hits.some((h) => h.ties.some((t) => t.category === "intelligence"))).toBe(false);
  });
});
