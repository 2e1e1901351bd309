export * from "./lexicon.js";
export * from "./record.js";
export * from "./result.js";
