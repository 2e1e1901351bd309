// Prints a document source for sources.json: the span of FILE from the first occurrence of FROM to the
// end of the next occurrence of TO (TO defaults to FROM), as UTF-16 offsets, with WORDS (default FROM) as
// the words the span must contain.
// Usage: node packages/dataset/scripts/span.mjs FILE FROM [TO] [WORDS]
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const [file, from, to = from, words = from] = process.argv.slice(2);
if (!file || !from) {
  console.error("usage: span.mjs FILE FROM [TO] [WORDS]");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
const start = text.indexOf(from);
if (start < 0) {
  console.error(`not found: ${from}`);
  process.exit(1);
}
const at = text.indexOf(to, start);
if (at < 0) {
  console.error(`not found after ${start}: ${to}`);
  process.exit(1);
}
const end = at + to.length;
if (!text.slice(start, end).includes(words)) {
  console.error(`the span does not contain: ${words}`);
  process.exit(1);
}
console.log(JSON.stringify({ document: `seed:${basename(file)}`, start, end, words }));
