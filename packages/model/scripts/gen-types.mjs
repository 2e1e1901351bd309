// Writes src/schema/types.gen.ts from src/schema/schemata.json (run after `npx tsc -b`, which builds
// dist/codegen.js). The test `codegen.test.ts` fails when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { renderTypes } from "../dist/codegen.js";

const spec = JSON.parse(readFileSync(new URL("../src/schema/schemata.json", import.meta.url), "utf8"));
writeFileSync(new URL("../src/schema/types.gen.ts", import.meta.url), renderTypes(spec));
