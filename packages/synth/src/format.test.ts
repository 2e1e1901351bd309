import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  CSV_FIELD_MAP,
  CSV_LIST_SEPARATOR,
  csvField,
  csvHeader,
  formatJsonl,
  formatLabelJsonl,
  toCsvRow,
  toCsvRows,
} from "./format.js";
import { type Generated, generateResumes } from "./generate.js";

const sample: Generated[] = [...generateResumes({ count: 3000, seed: 99 })];

/** A strict RFC 4180 parser for the test: rows of fields, newline-terminated. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = "";
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new Error("unterminated quote");
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const m = /[,\n]/g;
      m.lastIndex = i;
      const hit = m.exec(s);
      const end = hit === null ? s.length : hit.index;
      field = s.slice(i, end);
      if (field.includes('"')) throw new Error(`bare quote in ${field}`);
      i = end;
    }
    row.push(field);
    if (s[i] === ",") i++;
    else if (s[i] === "\n") {
      rows.push(row);
      row = [];
      i++;
    } else if (i < s.length) throw new Error(`unexpected ${s[i]} at ${i}`);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

describe("formatJsonl", () => {
  it("writes one line per record that parses back to the record", () => {
    for (const g of sample.slice(0, 500)) {
      const line = formatJsonl(g);
      expect(line.endsWith("\n")).toBe(true);
      expect(line.indexOf("\n")).toBe(line.length - 1);
      expect(JSON.parse(line)).toEqual(g.record);
      expect(JSON.parse(formatLabelJsonl(g))).toEqual(g.label);
    }
  });
});

describe("CSV variant", () => {
  it("quotes fields with commas, quotes and newlines and leaves others bare", () => {
    expect(csvField("plain 文本")).toBe("plain 文本");
    expect(csvField("Huawei Technologies Co., Ltd.")).toBe('"Huawei Technologies Co., Ltd."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField(undefined)).toBe("");
  });

  it("has 7 + 5×5 + 5×6 columns named like work1_company and edu5_note", () => {
    expect(CSV_COLUMNS).toHaveLength(62);
    expect(CSV_COLUMNS.slice(0, 8)).toEqual([
      "id",
      "name",
      "phone",
      "email",
      "address",
      "certificates",
      "text",
      "work1_company",
    ]);
    expect(CSV_COLUMNS).toContain("work5_description");
    expect(CSV_COLUMNS.at(-1)).toBe("edu5_note");
    expect(csvHeader).toBe(CSV_COLUMNS.join(",") + "\n");
    expect(CSV_FIELD_MAP.work).toHaveLength(5);
    expect(CSV_FIELD_MAP.work[1]).toEqual({
      company: "work2_company",
      title: "work2_title",
      start: "work2_start",
      end: "work2_end",
      description: "work2_description",
    });
  });

  it("round-trips every record through the header and rows, quoted newlines included", () => {
    const csv = [...toCsvRows(sample)].join("");
    expect(csv.startsWith(csvHeader)).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(sample.length + 1);
    expect(rows[0]).toEqual(CSV_COLUMNS);
    let multiline = 0;
    let commas = 0;
    for (let i = 0; i < sample.length; i++) {
      const rec = sample[i]!.record;
      const row = rows[i + 1]!;
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const get = (c: string): string => row[CSV_COLUMNS.indexOf(c)]!;
      expect(get("id")).toBe(rec.id);
      expect(get("text")).toBe(rec.text ?? "");
      expect(get("certificates")).toBe((rec.certificates ?? []).join(CSV_LIST_SEPARATOR));
      (rec.work ?? []).forEach((w, k) => {
        for (const f of ["company", "title", "start", "end", "description"] as const) {
          expect(get(`work${k + 1}_${f}`)).toBe(w[f] ?? "");
        }
      });
      (rec.education ?? []).forEach((e, k) => {
        for (const f of ["school", "degree", "major", "start", "end", "note"] as const) {
          expect(get(`edu${k + 1}_${f}`)).toBe(e[f] ?? "");
        }
      });
      const nw = (rec.work ?? []).length;
      if (nw < 5) expect(get(`work${nw + 1}_company`)).toBe("");
      const line = toCsvRow(sample[i]!);
      if (line.slice(0, -1).includes("\n")) multiline++;
      if (line.includes('",')) commas++;
    }
    expect(multiline).toBeGreaterThan(50);
    expect(commas).toBeGreaterThan(50);
  });
});
