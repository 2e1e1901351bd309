/**
 * A small, fast, seedable pseudo-random number generator (sfc32, seeded through splitmix32).
 * Deterministic across platforms: the same seed always yields the same sequence.
 *
 * @example
 * const rng = new Rng(42);
 * rng.int(6); // 0..5
 * rng.pick(["a", "b"]); // "a" or "b"
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Any finite number is accepted; its integer part (up to 2^53) selects the stream. */
  constructor(seed: number) {
    const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    const lo = s >>> 0;
    const hi = Math.floor(s / 4294967296) >>> 0;
    let x = (lo ^ Math.imul(hi, 0x9e3779b9) ^ 0x6a09e667) >>> 0;
    const mix = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n) for 0 < n ≤ 2^32. */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(arr: readonly T[]): T {
    return arr[this.int(arr.length)]!;
  }

  /** A digit string of exactly `n` digits (leading zeros allowed). */
  digits(n: number): string {
    let s = "";
    while (s.length < n) s += String(this.next() % 1000000000).padStart(9, "0");
    return s.slice(0, n);
  }
}

/**
 * A table of values with weights, sampled in O(log n).
 *
 * @example
 * const w = new Weighted([["a", 3], ["b", 1]]);
 * w.sample(rng); // "a" three times as often as "b"
 */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cum: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = [];
    this.cum = [];
    let t = 0;
    for (const [item, w] of entries) {
      if (!(w > 0)) continue;
      t += w;
      this.items.push(item);
      this.cum.push(t);
    }
    if (this.items.length === 0) throw new RangeError("Weighted: no entry with a positive weight");
    this.total = t;
  }

  sample(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
