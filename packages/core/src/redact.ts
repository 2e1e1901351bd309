import type { Hit, Tie } from "./hit.js";
import type { ResumeRecord } from "./record.js";

/**
 * Redacted profiles, ready to publish: a stable pseudonym instead of the person; no name, phone, email,
 * address or ID number; dates coarsened to years; unit cover designators replaced by 某部; evidence
 * quoted from the record with all of that removed.
 */

export interface ProfileTie {
  category: Tie["category"];
  entity: string;
  org: string;
  role: Tie["role"];
  start: string | null;
  end: string | null;
  concurrent_with_target: boolean;
  evidence: string;
}

export interface ProfileStint {
  employer: string;
  title: string | null;
  start: string | null;
  end: string | null;
}

export interface Profile {
  pseudonym: string;
  target: { status: Hit["target"]["status"]; entity: string | null; employer: string | null };
  national_security: boolean;
  score: number;
  ties: ProfileTie[];
  activities: { activity: string; label: string; client: string | null; evidence: string }[];
  work: ProfileStint[];
  reasons: string[];
}

const UNIT_ZH = /(?:中国人民解放军|解放军|[\u4e00-\u9fa5]{0,4}军区)?[0-9０-９]{5}部队/g;
const UNIT_EN = /\b(?:PLA\s+)?Unit\s+[0-9]{5}\b|\b[0-9]{5}\s+Unit\b/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const PHONE =
  /(?<![0-9])(?:\+?86[-\s]?)?1[3-9][0-9](?:[-\s]?[0-9]{4}){2}(?![0-9])|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])/g;
const LONG_NUMBER = /(?<![0-9])[0-9]{5,}(?![0-9])/g;
const MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const DATE_ZH = /((?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?/g;
const DATE_YM = /(?<![0-9])((?:19|20)[0-9]{2})[./-][0-9]{1,2}(?:[./-][0-9]{1,2})?(?![0-9])/g;
const DATE_MY = /(?<![0-9])[0-9]{1,2}[./-]((?:19|20)[0-9]{2})(?![0-9])/g;
const DATE_EN = new RegExp(`\\b(?:${MONTHS})[a-z]*\\.?\\s+(?:[0-9]{1,2},\\s*)?((?:19|20)[0-9]{2})\\b`, "gi");

/** Replaces unit cover designators with 某部. */
export function maskUnits(s: string): string {
  return s.replace(UNIT_ZH, "某部").replace(UNIT_EN, "某部");
}

/** A lexicon entity id without a unit's number in it (`mil.unit.61398` → `mil.unit`). */
export function maskEntity(id: string): string {
  return id.replace(/\.[0-9０-９]{4,}$/, "").replace(/[0-9]{5,}/g, "");
}

/** Coarsens every month or day written in `s` to its year. */
export function coarsenDates(s: string): string {
  return s.replace(DATE_ZH, "$1年").replace(DATE_YM, "$1").replace(DATE_MY, "$1").replace(DATE_EN, "$1");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The strings of a record that identify its person, longest first. */
export function personalStrings(record: ResumeRecord): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    const t = s?.trim();
    if (t && t.length >= 2) out.add(t);
  };
  add(record.name);
  add(record.phone);
  add(record.email);
  add(record.address);
  const name = record.name?.trim() ?? "";
  if (/^[\u4e00-\u9fa5]{3,4}$/.test(name)) add(name.slice(1)); // given name alone
  for (const token of name.split(/[\s,.·]+/)) if (token.length >= 3) add(token);
  if (record.address)
    for (const part of record.address.split(/[\s,，、;；]+/)) if (part.length >= 4) add(part);
  if (record.phone) add(record.phone.replace(/\D/g, ""));
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * A function that removes personal data from pieces of one record's text: the record's own name, phone,
 * email and address, then anything shaped like a phone number, email, ID number or long number, unit
 * designators, and dates finer than a year. Built once per record.
 */
export function redactor(record: ResumeRecord): (s: string) => string {
  const personal = personalStrings(record);
  const email = record.email?.trim();
  const address = record.address?.trim();
  const label = (p: string) =>
    p === email ? "[email]" : p === address ? "[address]" : /^[+\d\s-]+$/.test(p) ? "[phone]" : "[name]";
  const labels = new Map(personal.map((p) => [p.toLowerCase(), label(p)]));
  const own = personal.length > 0 ? new RegExp(personal.map(escapeRe).join("|"), "gi") : null;
  return (s: string) => {
    let out = own ? s.replace(own, (m) => labels.get(m.toLowerCase()) ?? "[name]") : s;
    out = maskUnits(out);
    out = out.replace(EMAIL, "[email]").replace(ID_NUMBER, "[id]").replace(PHONE, "[phone]");
    out = coarsenDates(out);
    return out.replace(LONG_NUMBER, "[number]");
  };
}

/**
 * Removes personal data from a piece of a record's text (see {@link redactor}).
 *
 * @example redactText("张伟明（13800138000）2015年3月入伍61398部队", { id: "1", name: "张伟明" })
 * // "[name]（[phone]）2015年入伍某部"
 */
export function redactText(s: string, record: ResumeRecord): string {
  return redactor(record)(s);
}

const CLAUSE_STOP = /[。；;！!？?\n]/;

/** The clause of `value` around `[start, end)`, at most `max` characters, redacted. */
function quote(value: string, start: number, end: number, clean: (s: string) => string, max = 160): string {
  let s = start;
  while (s > 0 && start - s < max / 2 && !CLAUSE_STOP.test(value[s - 1]!)) s--;
  let e = end;
  while (e < value.length && e - end < max / 2 && !CLAUSE_STOP.test(value[e]!)) e++;
  return clean(value.slice(s, e).trim());
}

/** The value of a field path (`work[2].company`, `text`) in a record. */
export function fieldValue(record: ResumeRecord, path: string): string {
  const m = /^(work|education|certificates)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (!m)
    return typeof (record as unknown as Record<string, unknown>)[path] === "string"
      ? ((record as unknown as Record<string, string>)[path] ?? "")
      : "";
  const list = (record as unknown as Record<string, unknown[] | undefined>)[m[1]!];
  const item = list?.[Number(m[2])];
  if (m[3] === undefined) return typeof item === "string" ? item : "";
  const v = (item as Record<string, unknown> | undefined)?.[m[3]];
  return typeof v === "string" ? v : "";
}

const year = (d: string | null | undefined): string | null => {
  if (!d) return null;
  if (/^present$/i.test(d)) return "present";
  const y = /(?:19|20)[0-9]{2}/.exec(d);
  return y ? y[0] : null;
};

/**
 * The publishable profile of a hit.
 *
 * @example toProfile(hit, record, "P-7Q2M4K9T1C")
 */
export function toProfile(hit: Hit, record: ResumeRecord, pseudonym: string): Profile {
  const clean = redactor(record);
  return {
    pseudonym,
    target: {
      status: hit.target.status,
      entity: hit.target.entity,
      employer: hit.target.employer === null ? null : clean(hit.target.employer),
    },
    national_security: hit.national_security,
    score: hit.score,
    ties: hit.ties.map((t) => ({
      category: t.category,
      entity: maskEntity(t.entity),
      org: clean(t.org),
      role: t.role,
      start: year(t.start),
      end: year(t.end),
      concurrent_with_target: t.concurrent_with_target,
      evidence: quote(fieldValue(record, t.evidence.field), t.evidence.start, t.evidence.end, clean),
    })),
    activities: hit.activities.map((a) => ({
      activity: a.activity,
      label: a.label,
      client: a.client === null ? null : clean(a.client),
      evidence: quote(fieldValue(record, a.evidence.field), a.evidence.start, a.evidence.end, clean),
    })),
    work: (record.work ?? [])
      .filter((w) => w.company)
      .map((w) => ({
        employer: clean(w.company!),
        title: w.title ? clean(w.title) : null,
        start: year(w.start),
        end: w.end && /至今|现在|今|目前|present|now|current/i.test(w.end) ? "present" : year(w.end),
      })),
    reasons: hit.reasons.map(clean),
  };
}

/** Profiles as a Markdown document. */
export function profilesMarkdown(profiles: Profile[], title: string): string {
  const lines = [
    `# ${title}`,
    "",
    `${profiles.length} profile(s). Identities removed; dates in years; unit designators shown as 某部.`,
    "",
  ];
  for (const p of profiles) {
    lines.push(`## ${p.pseudonym}`, "");
    const t = p.target.status
      ? `${p.target.status} employee (${p.target.employer ?? p.target.entity})`
      : "not a target employee";
    lines.push(
      `- Target: ${t}`,
      `- National-security experience: ${p.national_security ? "yes" : "no"}`,
      `- Score: ${p.score}`,
    );
    if (p.work.length > 0) {
      lines.push("", "Work history:", "");
      for (const w of p.work)
        lines.push(`- ${w.start ?? "?"}–${w.end ?? "?"}: ${w.employer}${w.title ? `, ${w.title}` : ""}`);
    }
    if (p.ties.length > 0) {
      lines.push("", "Ties:", "");
      for (const t of p.ties) {
        const when = t.start || t.end ? `, ${t.start ?? "?"}–${t.end ?? "?"}` : "";
        lines.push(
          `- ${t.org} (${t.category}, ${t.role}${when}${t.concurrent_with_target ? ", while at the target" : ""}): “${t.evidence}”`,
        );
      }
    }
    if (p.activities.length > 0) {
      lines.push("", "Activities:", "");
      for (const a of p.activities)
        lines.push(`- ${a.label}${a.client ? ` (client: ${a.client})` : ""}: “${a.evidence}”`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
