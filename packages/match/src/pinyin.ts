import { pinyin } from "pinyin-pro";

/**
 * Pinyin of Han text, tone marks removed, `ü` written `v` (as in names such as `Lvyuan`), with the
 * readings of polyphonic characters as alternatives. Results are cached: names repeat.
 */

const runCache = new Map<string, string[]>();
const charCache = new Map<string, string[]>();
const CACHE_MAX = 50_000;

function clean(p: string): string {
  return p.replace(/ü/g, "v");
}

/** Every reading of one Han character, the most common first. */
export function readingsOf(ch: string): string[] {
  let r = charCache.get(ch);
  if (!r) {
    r = [...new Set(pinyin(ch, { toneType: "none", type: "array", multiple: true }).map(clean))];
    if (r.length === 0) r = [ch];
    charCache.set(ch, r);
  }
  return r;
}

/**
 * Pinyin syllables of a Han run as pinyin-pro reads it in context (`重庆` → `chong qing`).
 *
 * @example syllables("华为") // ["hua", "wei"]
 */
export function syllables(run: string): string[] {
  return pinyin(run, { toneType: "none", type: "array" }).map(clean);
}

/**
 * Joined pinyin renderings of a Han run: the contextual reading first, then up to `max - 1` readings
 * that differ from it in one polyphonic character, and the `u` spelling of any `v`.
 *
 * @example pinyinOf("华为") // ["huawei", ...]
 */
export function pinyinOf(run: string, max = 4): string[] {
  const cached = runCache.get(run);
  if (cached) return cached;
  // characters with one reading need no context: only a run with a polyphone goes to pinyin-pro
  const chars0 = [...run];
  const single = chars0.map(readingsOf);
  const base = single.every((r) => r.length === 1) ? single.map((r) => r[0] as string) : syllables(run);
  const out = [base.join("")];
  const chars = chars0;
  if (chars.length === base.length) {
    for (let i = 0; i < chars.length && out.length < max; i++) {
      for (const alt of readingsOf(chars[i] as string)) {
        if (alt === base[i] || out.length >= max) continue;
        const v = base.slice();
        v[i] = alt;
        const s = v.join("");
        if (!out.includes(s)) out.push(s);
      }
    }
  }
  const first = out[0] as string;
  if (first.includes("v") && out.length < max + 1) out.push(first.replace(/v/g, "u"));
  if (runCache.size > CACHE_MAX) runCache.clear();
  runCache.set(run, out);
  return out;
}
