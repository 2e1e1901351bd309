import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

/** Content types of the files a built web app holds. */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

/** The page served when there is no built web app. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tiegraph</title></head>
<body><h1>tiegraph</h1>
<p>The web app is not built. The API is here: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>Build the app with <code>npm run build</code> in the repository, then start the server again.</p>
</body></html>
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * A file of the built web app for a URL path: the file itself, or `index.html` for an app route (a
 * path without an extension). Paths that leave the folder are not served. Returns undefined when
 * there is nothing to serve.
 */
export async function staticFile(
  dir: string,
  urlPath: string,
): Promise<{ body: Uint8Array; type: string; immutable: boolean } | undefined> {
  const root = resolve(dir);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (rel.includes("\0")) return undefined;
  const path = resolve(root, `.${sep}${normalize(rel)}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  let file = path;
  if (!(await isFile(file))) {
    if (extname(rel) !== "") return undefined;
    file = join(root, "index.html");
    if (!(await isFile(file))) return undefined;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const immutable = file.startsWith(join(root, "assets") + sep);
  return { body: await readFile(file), type, immutable };
}
