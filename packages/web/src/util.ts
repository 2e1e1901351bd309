/** Small pure helpers of the views. */

/** An http(s) URL from data, or undefined: nothing else becomes a link. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Items paired with keys unique within the list: `key(item)`, with `#2`, `#3` … appended to repeats.
 *
 * @example withKeys(["a", "b", "a"], (x) => x).map(([k]) => k) // ["a", "b", "a#2"]
 */
export function withKeys<T>(items: readonly T[], key: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return [n === 1 ? k : `${k}#${n}`, item];
  });
}
