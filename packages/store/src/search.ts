/** One occurrence of a search term in a document: UTF-16 offsets into its text, `end` exclusive. */
export interface SearchMatch {
  start: number;
  end: number;
  /** The text as written at that place. */
  text: string;
  /** The match with some context either side, line breaks as spaces. */
  snippet: string;
  /** Where the snippet starts in the document, so that `start - snippet_start` is the match in it. */
  snippet_start: number;
}

/** A search term: a word or quoted phrase. Latin-script terms match whole words, others substrings. */
export interface SearchTerm {
  text: string;
  /** Whole-word match (terms without CJK characters) or substring. */
  word: boolean;
  pattern: RegExp;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Letters that continue a word: an English word next to a Chinese character still stands alone (华为Mate).
const WORD_CHAR = "[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{N}]";
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The terms of a query: words split on white space, `"quoted phrases"` kept whole. All must occur.
 * Matching ignores case. Terms with Chinese (or other CJK) characters match as substrings, so `公安`
 * finds `新疆公安厅`; others match whole words, so `ban` does not find `bank`.
 * @example parseQuery('Huawei "public security" 公安').map((t) => t.text) // ["Huawei", "public security", "公安"]
 */
export function parseQuery(query: string): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const m of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const text = (m[1] ?? m[2] ?? "").trim().replace(/\s+/g, " ");
    if (!text || out.some((t) => t.text.toLowerCase() === text.toLowerCase())) continue;
    const word = !CJK.test(text);
    const body = escapeRe(text).replace(/ /g, "\\s+");
    const pattern = word
      ? new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, "giu")
      : new RegExp(body, "giu");
    out.push({ text, word, pattern });
  }
  return out;
}

/** The LIKE pattern that every document matching `term` contains (a superset, for the index). */
export function likePattern(term: SearchTerm): string {
  const escaped = term.text.replace(/[\\%_]/g, "\\$&").replace(/ /g, "%");
  return `%${escaped}%`;
}

function cut(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  // Do not split a surrogate pair.
  if (s > 0 && /[\uDC00-\uDFFF]/.test(text[s] ?? "")) s--;
  if (e < text.length && /[\uD800-\uDBFF]/.test(text[e - 1] ?? "")) e++;
  return [s, e];
}

/**
 * The matches of all `terms` in `text`, in document order, or `[]` when a term does not occur.
 * `context` characters either side make the snippet.
 */
export function findMatches(text: string, terms: SearchTerm[], context = 40): SearchMatch[] {
  const all: SearchMatch[] = [];
  for (const term of terms) {
    let found = false;
    for (const m of text.matchAll(term.pattern)) {
      found = true;
      const start = m.index;
      const end = start + m[0].length;
      const [s, e] = cut(text, start - context, end + context);
      all.push({
        start,
        end,
        text: m[0],
        snippet: text.slice(s, e).replace(/[\r\n\t]/g, " "),
        snippet_start: s,
      });
    }
    if (!found) return [];
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}
