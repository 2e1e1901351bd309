import { Converter } from "opencc-js/cn2t";

/**
 * Text normalisation for Chinese and English names. Functions that fold text keep its length in UTF-16
 * code units, so offsets found in folded text are offsets in the original.
 */

/**
 * Full-width ASCII (U+FF01–FF5E) to ASCII and the ideographic space to a space; one unit for one unit.
 *
 * @example foldWidth("ＨＵＡＷＥＩ　６１３９８") // "HUAWEI 61398"
 */
export function foldWidth(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += s.slice(last, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** ASCII to full-width (the inverse of {@link foldWidth} for printable ASCII other than space). */
export function toFullWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : s[i];
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

let converters: ((s: string) => string)[] | undefined;

/** Traditional forms of a simplified string (Taiwan and Hong Kong usage), without duplicates. */
export function traditionalForms(s: string): string[] {
  if (!HAN.test(s)) return [];
  if (!converters) converters = [Converter({ from: "cn", to: "tw" }), Converter({ from: "cn", to: "hk" })];
  return [...new Set(converters.map((c) => c(s)))].filter((t) => t !== s);
}

/**
 * Every written form a lexicon alias is matched in: as given, traditional, and with full-width Latin
 * letters and digits (in the given case, upper and lower case, since the matcher folds only ASCII case)
 * when the alias is at most `fullWidthMax` characters long. `traditional` gives the traditional forms
 * (by default {@link traditionalForms}; a precomputed table saves loading the conversion dictionaries).
 *
 * @example variantsOf("华为") // ["华为", "華為"]
 */
export function variantsOf(
  alias: string,
  fullWidthMax = Number.POSITIVE_INFINITY,
  traditional: (s: string) => string[] = traditionalForms,
): string[] {
  const forms = new Set<string>([alias]);
  for (const t of traditional(alias)) forms.add(t);
  if (LATIN_OR_DIGIT.test(alias) && alias.length <= fullWidthMax) {
    for (const f of [...forms]) {
      forms.add(toFullWidth(f));
      forms.add(toFullWidth(f.toUpperCase()));
      forms.add(toFullWidth(f.toLowerCase()));
    }
  }
  return [...forms];
}

/**
 * The forms a non-ASCII literal takes inside JSON text written with `\uXXXX` escapes (as many dumps are),
 * lower- and upper-case hex being equal to the case-folding matcher. ASCII characters stay as they are.
 *
 * @example jsonEscaped("华为") // "\\u534e\\u4e3a"
 */
export function jsonEscaped(s: string): string | null {
  let out = "";
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out += s[i];
    else {
      out += "\\u" + c.toString(16).padStart(4, "0");
      escaped = true;
    }
  }
  return escaped ? out : null;
}

/** Is this code unit an ASCII letter or digit? */
export const isAsciiWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
