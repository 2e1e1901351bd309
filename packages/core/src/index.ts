export * from "./compile.js";
export * from "./dates.js";
export * from "./hit.js";
export * from "./lexicon.js";
export * from "./matcher.js";
export * from "./normalize.js";
export * from "./record.js";
export * from "./result.js";
