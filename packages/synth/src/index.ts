export * from "./format.js";
export * from "./generate.js";
export { Rng, Weighted } from "./rng.js";
