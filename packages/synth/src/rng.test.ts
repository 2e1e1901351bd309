import { describe, expect, it } from "vitest";
import { Rng, Weighted } from "./rng.js";

const take = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe("Rng", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(take(new Rng(42), 50)).toEqual(take(new Rng(42), 50));
  });

  it("gives different sequences for different seeds, including seeds above 2^32", () => {
    const seqs = [0, 1, 2, 2 ** 32, 2 ** 40 + 1].map((s) => take(new Rng(s), 8).join(","));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it("keeps int and range inside their bounds and reaches both ends", () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.range(3, 9);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it("is roughly uniform", () => {
    const rng = new Rng(11);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[rng.int(10)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it("returns digit strings of the requested length", () => {
    const rng = new Rng(3);
    for (const n of [1, 9, 10, 17]) expect(rng.digits(n)).toMatch(new RegExp(`^\\d{${n}}$`));
  });
});

describe("Weighted", () => {
  it("samples in proportion to the weights and never picks a zero weight", () => {
    const w = new Weighted<string>([
      ["a", 3],
      ["b", 1],
      ["never", 0],
    ]);
    const rng = new Rng(5);
    let a = 0;
    for (let i = 0; i < 40_000; i++) {
      const x = w.sample(rng);
      expect(x).not.toBe("never");
      if (x === "a") a++;
    }
    expect(a / 40_000).toBeGreaterThan(0.73);
    expect(a / 40_000).toBeLessThan(0.77);
  });

  it("rejects a table without a positive weight", () => {
    expect(() => new Weighted([["x", 0]])).toThrow(RangeError);
  });
});
