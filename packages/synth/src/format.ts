import type { EducationEntry, WorkEntry } from "@tiegraph/core";
import type { Generated } from "./generate.js";

// Field lists as in @tiegraph/core's EDUCATION_FIELDS / WORK_FIELDS; kept here (checked against the
// types) so that this package needs nothing from core at run time.
const WORK_FIELDS = [
  "company",
  "title",
  "start",
  "end",
  "description",
] as const satisfies readonly (keyof WorkEntry)[];
const EDUCATION_FIELDS = [
  "school",
  "degree",
  "major",
  "start",
  "end",
  "note",
] as const satisfies readonly (keyof EducationEntry)[];

/**
 * One JSON Lines line holding the record (not the label), terminated by `\n`.
 *
 * @example
 * for (const g of generateResumes({ count: 10, seed: 7 })) out.write(formatJsonl(g));
 */
export function formatJsonl(g: Generated): string {
  return JSON.stringify(g.record) + "\n";
}

/** One JSON Lines line holding the label (ground truth), terminated by `\n`. */
export function formatLabelJsonl(g: Generated): string {
  return JSON.stringify(g.label) + "\n";
}

/** Work and education entries kept in the flat CSV variant; the generator never writes more. */
export const CSV_MAX_ENTRIES = 5;

/** Separator between certificates in the single `certificates` column. */
export const CSV_LIST_SEPARATOR = "; ";

const PERSON_COLUMNS = ["id", "name", "phone", "email", "address", "certificates", "text"] as const;

/**
 * Columns of the flat CSV variant: personal fields, `certificates` (joined by `; `), `text`, then
 * `work1_company, work1_title, work1_start, work1_end, work1_description` … `work5_*` and
 * `edu1_school, edu1_degree, edu1_major, edu1_start, edu1_end, edu1_note` … `edu5_*`.
 */
export const CSV_COLUMNS: readonly string[] = [
  ...PERSON_COLUMNS,
  ...Array.from({ length: CSV_MAX_ENTRIES }, (_, i) => WORK_FIELDS.map((f) => `work${i + 1}_${f}`)).flat(),
  ...Array.from({ length: CSV_MAX_ENTRIES }, (_, i) =>
    EDUCATION_FIELDS.map((f) => `edu${i + 1}_${f}`),
  ).flat(),
];

/** The CSV header line, terminated by `\n`. */
export const csvHeader: string = CSV_COLUMNS.join(",") + "\n";

/**
 * A field map (in the shape `--map` files use) that reads the CSV variant back into canonical records:
 * `work` and `education` as lists of column groups.
 */
export const CSV_FIELD_MAP = {
  id: "id",
  name: "name",
  phone: "phone",
  email: "email",
  address: "address",
  certificates: "certificates",
  text: "text",
  work: Array.from({ length: CSV_MAX_ENTRIES }, (_, i) =>
    Object.fromEntries(WORK_FIELDS.map((f) => [f, `work${i + 1}_${f}`])),
  ),
  education: Array.from({ length: CSV_MAX_ENTRIES }, (_, i) =>
    Object.fromEntries(EDUCATION_FIELDS.map((f) => [f, `edu${i + 1}_${f}`])),
  ),
} as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a CSV field per RFC 4180 when it holds a comma, quote or line break. */
export function csvField(v: string | undefined): string {
  if (v === undefined || v === "") return "";
  return NEEDS_QUOTES.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v;
}

/**
 * One CSV row (terminated by `\n`) for the record, in `CSV_COLUMNS` order. Fields may hold quoted
 * newlines (free-text records).
 */
export function toCsvRow(g: Generated): string {
  const r = g.record;
  let row =
    csvField(r.id) +
    "," +
    csvField(r.name) +
    "," +
    csvField(r.phone) +
    "," +
    csvField(r.email) +
    "," +
    csvField(r.address) +
    "," +
    csvField(r.certificates?.join(CSV_LIST_SEPARATOR)) +
    "," +
    csvField(r.text);
  const work: WorkEntry[] = r.work ?? [];
  for (let i = 0; i < CSV_MAX_ENTRIES; i++) {
    const w = work[i];
    if (w === undefined) row += ",,,,,";
    else {
      row +=
        "," +
        csvField(w.company) +
        "," +
        csvField(w.title) +
        "," +
        csvField(w.start) +
        "," +
        csvField(w.end) +
        "," +
        csvField(w.description);
    }
  }
  const edu: EducationEntry[] = r.education ?? [];
  for (let i = 0; i < CSV_MAX_ENTRIES; i++) {
    const e = edu[i];
    if (e === undefined) row += ",,,,,,";
    else {
      row +=
        "," +
        csvField(e.school) +
        "," +
        csvField(e.degree) +
        "," +
        csvField(e.major) +
        "," +
        csvField(e.start) +
        "," +
        csvField(e.end) +
        "," +
        csvField(e.note);
    }
  }
  return row + "\n";
}

/**
 * The CSV variant of a stream of generated records: the header line, then one row per record.
 *
 * @example
 * for (const line of toCsvRows(generateResumes({ count: 100, seed: 1 }))) out.write(line);
 */
export function* toCsvRows(gs: Iterable<Generated>): Generator<string, void, undefined> {
  yield csvHeader;
  for (const g of gs) yield toCsvRow(g);
}
