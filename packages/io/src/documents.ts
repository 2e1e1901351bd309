import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/**
 * Documents to ingest: plain text, Markdown, HTML and PDF (its text layer), read into text with what
 * metadata they carry. Untrusted markup never survives as markup: only text comes out.
 */

export type DocumentKind = "text" | "markdown" | "html" | "pdf";

export interface DocumentText {
  /** The path as given. */
  path: string;
  kind: DocumentKind;
  /** SHA-256 (hex) of the file's bytes: the document's identity. */
  sha256: string;
  bytes: number;
  title: string | null;
  /** Publication date as found (ISO 8601 where it could be read), or null. */
  date: string | null;
  publisher: string | null;
  url: string | null;
  text: string;
}

/** Why a file was set aside, declared once. */
export const DOCUMENT_REJECT_CODES = {
  unsupported: "the file type is not one tiegraph reads (.txt, .md, .html, .htm, .pdf)",
  too_large: "the file is larger than the limit",
  binary: "the file holds binary data, not text",
  no_text_layer: "the PDF has no text layer (scanned pages need OCR first)",
  empty: "the document has no text",
  unreadable: "the file could not be read or parsed",
} as const;
export type DocumentRejectCode = keyof typeof DOCUMENT_REJECT_CODES;

export type DocumentResult =
  | { ok: true; document: DocumentText }
  | { ok: false; path: string; code: DocumentRejectCode; message: string };

const KINDS: Record<string, DocumentKind> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
};

export interface ReadDocumentOptions {
  /** Largest file read, in bytes (default 50 MB). */
  maxBytes?: number;
}

const reject = (path: string, code: DocumentRejectCode, detail?: string): DocumentResult => ({
  ok: false,
  path,
  code,
  message: detail ? `${DOCUMENT_REJECT_CODES[code]}: ${detail}` : DOCUMENT_REJECT_CODES[code],
});

/** Decodes text bytes: UTF-8 (BOM stripped), else GB18030; null when the bytes look binary. */
function decodeText(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) return null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (isUtf8(bytes)) return bytes.toString("utf8");
  const text = new TextDecoder("gb18030").decode(bytes);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  return bad + controls > text.length / 100 ? null : text;
}

const firstLine = (text: string): string | null => {
  const line = text.split("\n").find((l) => l.trim().length > 0);
  return line
    ? line
        .trim()
        .replace(/^#+\s*/, "")
        .slice(0, 300)
    : null;
};

function readMarkdown(text: string): Pick<DocumentText, "title" | "date" | "publisher" | "url" | "text"> {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const meta: Record<string, string> = {};
  let body = text;
  if (front) {
    for (const line of front[1]!.split(/\r?\n/)) {
      const kv = /^(\w+):\s*(.*)$/.exec(line);
      if (kv) meta[kv[1]!.toLowerCase()] = kv[2]!.replace(/^["']|["']$/g, "").trim();
    }
    body = text.slice(front[0].length);
  }
  const heading = /^#\s+(.+)$/m.exec(body);
  return {
    title: meta.title ?? (heading ? heading[1]!.trim() : firstLine(body)),
    date: meta.date ?? null,
    publisher: meta.publisher ?? meta.source ?? null,
    url: meta.url ?? null,
    text: body,
  };
}

async function readHtml(
  text: string,
): Promise<Pick<DocumentText, "title" | "date" | "publisher" | "url" | "text">> {
  const { parseHTML } = await import("linkedom");
  const { document } = parseHTML(text);
  for (const el of document.querySelectorAll(
    "script, style, noscript, iframe, template, object, embed, svg",
  )) {
    el.remove();
  }
  const meta = (names: string[]): string | null => {
    for (const n of names) {
      const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
      const v = el?.getAttribute("content")?.trim();
      if (v) return v;
    }
    return null;
  };
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null;
  let body = "";
  try {
    const { Readability } = await import("@mozilla/readability");
    const article = new Readability(
      document.cloneNode(true) as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    body = article?.textContent?.trim() ?? "";
  } catch {
    body = "";
  }
  if (body.length < 200) body = document.body?.textContent ?? document.documentElement?.textContent ?? "";
  const title =
    meta(["og:title", "twitter:title"]) ?? document.querySelector("title")?.textContent?.trim() ?? null;
  return {
    title: title || null,
    date: meta(["article:published_time", "datePublished", "date", "pubdate", "DC.date"]),
    publisher: meta(["og:site_name", "publisher", "author"]),
    url: meta(["og:url"]) ?? canonical,
    text: body
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  };
}

/** A PDF date (`D:20190516120000Z`) as ISO 8601, or the string as found. */
function pdfDate(v: unknown): string | null {
  if (typeof v !== "string" || !v) return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (!m) return v;
  return [m[1], m[2], m[3]].filter(Boolean).join("-");
}

async function readPdf(
  bytes: Buffer,
): Promise<Pick<DocumentText, "title" | "date" | "publisher" | "url" | "text">> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line = "";
      const lines: string[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = "";
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join("\n"));
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const text = pages.join("\n\n").trim();
    return {
      title: typeof info.Title === "string" && info.Title.trim() ? info.Title.trim() : firstLine(text),
      date: pdfDate(info.CreationDate),
      publisher: typeof info.Author === "string" && info.Author.trim() ? info.Author.trim() : null,
      url: null,
      text,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * Reads one document into text and metadata, or says why it cannot.
 *
 * @example
 * const r = await readDocument("seeds/002.txt");
 * if (r.ok) console.log(r.document.title, r.document.sha256); else console.log(r.code, r.message);
 */
export async function readDocument(path: string, options: ReadDocumentOptions = {}): Promise<DocumentResult> {
  const kind = KINDS[extname(path).toLowerCase()];
  if (!kind) return reject(path, "unsupported", extname(path) || "no extension");
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    const max = options.maxBytes ?? 50e6;
    if (size > max) return reject(path, "too_large", `${size} bytes, limit ${max}`);
    bytes = readFileSync(path);
  } catch (e) {
    return reject(path, "unreadable", (e as NodeJS.ErrnoException).code ?? String(e));
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let parts: Pick<DocumentText, "title" | "date" | "publisher" | "url" | "text">;
  try {
    if (kind === "pdf") {
      if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") return reject(path, "unreadable", "not a PDF");
      parts = await readPdf(bytes);
      if (!parts.text.trim()) return reject(path, "no_text_layer");
    } else {
      const text = decodeText(bytes);
      if (text === null) return reject(path, "binary");
      if (kind === "html") parts = await readHtml(text);
      else if (kind === "markdown") parts = readMarkdown(text);
      else parts = { title: firstLine(text), date: null, publisher: null, url: null, text };
    }
  } catch (e) {
    return reject(path, "unreadable", e instanceof Error ? e.message : String(e));
  }
  if (!parts.text.trim()) return reject(path, "empty");
  return { ok: true, document: { path, kind, sha256, bytes: bytes.length, ...parts } };
}

/** The files under the given paths, directories walked in name order. */
export function documentPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      out.push(
        ...documentPaths(
          readdirSync(p)
            .sort()
            .map((n) => join(p, n)),
        ),
      );
    } else out.push(p);
  }
  return out;
}
