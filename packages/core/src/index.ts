export * from "./lexicon.js";
export * from "./hit.js";
export * from "./record.js";
export * from "./result.js";
