/**
 * Reproducible sampling in one pass: every record gets a key, a hash of (seed, file, line) in [0, 1),
 * and the sample is the `n` records with the smallest keys. The key depends on nothing but the record's
 * place, so any split of the input into tasks and any number of workers draw the same sample, and
 * bottom-k sets merge associatively.
 */

function mix(h: number): number {
  let x = h | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The sample key of a record: 53 bits of a hash of seed, file index and line, as a number in [0, 1).
 *
 * @example sampleKey(1, 0, 42) === sampleKey(1, 0, 42) // true; another seed gives another key
 */
export function sampleKey(seed: number, fileIndex: number, line: number): number {
  const a = mix(mix(seed ^ 0x9e3779b9) ^ mix(fileIndex + 0x632be5ab) ^ line);
  const b = mix(a ^ mix(line ^ 0x7f4a7c15) ^ seed);
  return (a * 2 ** 21 + (b >>> 11)) / 2 ** 53;
}

/** The `n` smallest-keyed values offered so far; a value is computed only when its key gets in. */
export class SampleHeap<T> {
  private readonly keys: number[] = [];
  private readonly values: T[] = [];

  constructor(readonly n: number) {}

  get size(): number {
    return this.keys.length;
  }

  /** Offers a key; if it belongs among the `n` smallest, `make()` is called and its value kept. */
  offer(key: number, make: () => T): void {
    if (this.keys.length < this.n) {
      this.keys.push(key);
      this.values.push(make());
      this.up(this.keys.length - 1);
    } else if (this.n > 0 && key < this.keys[0]!) {
      this.keys[0] = key;
      this.values[0] = make();
      this.down(0);
    }
  }

  entries(): { key: number; value: T }[] {
    return this.keys.map((key, i) => ({ key, value: this.values[i]! }));
  }

  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    [this.values[i], this.values[j]] = [this.values[j]!, this.values[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! >= this.keys[i]!) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.keys[l]! > this.keys[m]!) m = l;
      if (r < n && this.keys[r]! > this.keys[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
