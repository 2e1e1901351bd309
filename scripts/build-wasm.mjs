// Compiles packages/core/src/scan.wat into packages/core/src/scan-wasm.ts (the module's bytes, base64).
// `--check` fails when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import wabtInit from "wabt";

const watPath = new URL("../packages/core/src/scan.wat", import.meta.url);
const outPath = new URL("../packages/core/src/scan-wasm.ts", import.meta.url);
const wabt = await wabtInit();
const module = wabt.parseWat("scan.wat", readFileSync(watPath, "utf8"));
const { buffer } = module.toBinary({});
const text = `// Generated from scan.wat by scripts/build-wasm.mjs. Do not edit.
export const SCAN_WASM_BASE64 =
  "${Buffer.from(buffer).toString("base64")}";
`;
if (process.argv.includes("--check")) {
  if (readFileSync(outPath, "utf8") !== text) {
    console.error("packages/core/src/scan-wasm.ts is stale: run node scripts/build-wasm.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(outPath, text);
}
