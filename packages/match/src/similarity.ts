/**
 * String similarities used by the matcher, each in [0, 1].
 */

/**
 * Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters): forgiving of typos and transpositions.
 *
 * @example jaroWinkler("huawei", "huawie") > 0.9 // true
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedB = new Uint8Array(lb);
  const matchA: number[] = [];
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!matchedB[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedB[j] = 1;
        matchA.push(i);
        break;
      }
    }
  }
  const m = matchA.length;
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let j = 0; j < lb; j++) {
    if (!matchedB[j]) continue;
    if (a.charCodeAt(matchA[k] as number) !== b.charCodeAt(j)) t++;
    k++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * The distinct character n-grams of a string padded with a space at each end.
 *
 * @example ngrams("abc", 3) // [" ab", "abc", "bc "]
 */
export function ngrams(s: string, n: number): string[] {
  const p = ` ${s} `;
  if (p.length <= n) return [p];
  const out = new Set<string>();
  for (let i = 0; i + n <= p.length; i++) out.add(p.slice(i, i + n));
  return [...out];
}

/** Dice coefficient of two sets of distinct strings. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(large);
  let common = 0;
  for (const x of small) if (set.has(x)) common++;
  return (2 * common) / (a.length + b.length);
}

/**
 * Similarity of two Han strings: the Dice coefficient of their characters and of their character pairs,
 * averaged, so that one differing character in four costs about a third.
 *
 * @example hanSimilarity("华为技术", "华为技术") // 1
 */
export function hanSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ca = [...a];
  const cb = [...b];
  const uni = dice([...new Set(ca)], [...new Set(cb)]);
  const bi = (s: string[]) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) out.add((s[i] as string) + s[i + 1]);
    return [...out];
  };
  const ba = bi(ca);
  const bb = bi(cb);
  if (ba.length === 0 || bb.length === 0) return uni;
  return (uni + dice(ba, bb)) / 2;
}

/** Similarity of one token to another: equal 1, close spelling (Jaro-Winkler ≥ 0.88, 4+ letters, lengths within 2, same first letter) that score, else 0. */
export function tokenPairSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 2) return 0;
  // a typo rarely falls on the first letter; without a common first letter the score could not reach 0.88
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return 0;
  const jw = jaroWinkler(a, b);
  return jw >= 0.88 ? jw : 0;
}

/**
 * Weighted soft Dice of two token lists: each token counts with its weight (rarer tokens weigh more) times
 * its best similarity to a token on the other side.
 *
 * @example tokenSetSimilarity(["huawei", "technology"], ["huawei", "technology"], () => 1) // 1
 */
export function tokenSetSimilarity(
  a: readonly string[],
  b: readonly string[],
  weight: (t: string) => number,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  let num = 0;
  let den = 0;
  const side = (x: readonly string[], y: readonly string[]) => {
    for (const t of x) {
      const w = weight(t);
      let best = 0;
      for (const u of y) {
        const s = tokenPairSimilarity(t, u);
        if (s > best) {
          best = s;
          if (s === 1) break;
        }
      }
      num += w * best;
      den += w;
    }
  };
  side(a, b);
  side(b, a);
  return den > 0 ? num / den : 0;
}

/**
 * {@link tokenSetSimilarity} with the weights given alongside the tokens (`wa[i]` for `a[i]`).
 *
 * @example weightedTokenSimilarity(["huawei", "cloud"], [1, 2], ["huawei"], [1]) // 0.5
 */
export function weightedTokenSimilarity(
  a: readonly string[],
  wa: readonly number[],
  b: readonly string[],
  wb: readonly number[],
): number {
  if (a.length === 0 || b.length === 0) return 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] as string;
    let best = 0;
    for (let j = 0; j < b.length && best < 1; j++)
      best = Math.max(best, tokenPairSimilarity(t, b[j] as string));
    num += (wa[i] as number) * best;
    den += wa[i] as number;
  }
  for (let j = 0; j < b.length; j++) {
    const u = b[j] as string;
    let best = 0;
    for (let i = 0; i < a.length && best < 1; i++)
      best = Math.max(best, tokenPairSimilarity(u, a[i] as string));
    num += (wb[j] as number) * best;
    den += wb[j] as number;
  }
  return den > 0 ? num / den : 0;
}
