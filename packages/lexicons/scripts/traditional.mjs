// Writes src/data/traditional.json: the traditional forms of every Chinese literal in the lexicon, so
// that compiling the lexicon does not load the conversion dictionaries. Run after changing a data file:
//   npm run build && node packages/lexicons/scripts/traditional.mjs
// A test fails while the file is stale.
import { writeFileSync } from "node:fs";
import { traditionalTable } from "../dist/traditional.js";

const out = new URL("../src/data/traditional.json", import.meta.url);
writeFileSync(out, `${JSON.stringify(traditionalTable(), null, 1)}\n`);
console.log(`wrote ${out.pathname}`);
