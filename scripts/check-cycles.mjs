// Fails when the packages' source files import each other in a cycle. Reads relative imports and the
// workspace package imports of every non-test .ts and .tsx file under packages/*/src.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const pkgs = readdirSync(join(root, "packages"));
const pkgName = new Map(
  pkgs.map((p) => [JSON.parse(readFileSync(join(root, "packages", p, "package.json"), "utf8")).name, p]),
);

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    if (statSync(f).isDirectory()) return files(f);
    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) && !n.endsWith(".d.ts") ? [f] : [];
  });
}

const graph = new Map();
for (const p of pkgs) {
  const src = join(root, "packages", p, "src");
  let list = [];
  try {
    list = files(src);
  } catch {
    continue;
  }
  for (const f of list) {
    const text = readFileSync(f, "utf8");
    const deps = [];
    for (const m of text.matchAll(
      /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    )) {
      const spec = m[1] ?? m[2];
      if (/^import\s+type\b/.test(m[0]) || /^export\s+type\b/.test(m[0])) continue;
      if (spec.startsWith(".")) {
        const base = resolve(dirname(f), spec.replace(/\.js$/, ""));
        deps.push(existsSync(`${base}.tsx`) ? `${base}.tsx` : `${base}.ts`);
      } else if (pkgName.has(spec)) deps.push(join(root, "packages", pkgName.get(spec), "src", "index.ts"));
    }
    graph.set(f, deps);
  }
}

const state = new Map();
const stack = [];
const cycles = [];
function visit(f) {
  state.set(f, 1);
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].map((x) => relative(root, x)));
    else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 2);
}
for (const f of graph.keys()) if (!state.has(f)) visit(f);
if (cycles.length > 0) {
  for (const c of cycles) console.error(`import cycle: ${c.join(" -> ")}`);
  process.exit(1);
}
console.log(`no import cycles in ${graph.size} files`);
