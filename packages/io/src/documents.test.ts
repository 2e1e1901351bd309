import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentPaths, readDocument } from "./documents.js";

/** A one-page PDF; with `text` it has a text layer (Helvetica, ASCII), without it none. */
function pdf(text: string | null, title?: string): Buffer {
  const stream = text === null ? "" : `BT /F1 12 Tf 72 720 Td (${text.replace(/([()\\])/g, "\\$1")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Title (${title ?? ""}) /CreationDate (D:20190516120000Z) >>`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const dir = mkdtempSync(join(tmpdir(), "tiegraph-docs-"));
const write = (name: string, body: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe("readDocument", () => {
  it("reads plain text with a SHA-256 and its first line as title, in UTF-8 or GB18030", async () => {
    const body = "华为与乌鲁木齐市公安局签署协议\n\n2018年，双方合作建设实验室。";
    const r = await readDocument(write("a.txt", body));
    expect(r.ok && r.document).toMatchObject({
      kind: "text",
      title: "华为与乌鲁木齐市公安局签署协议",
      text: body,
    });
    expect(r.ok && r.document.sha256).toBe(createHash("sha256").update(body).digest("hex"));
    const gbk = new Uint8Array([0xbb, 0xaa, 0xce, 0xaa, 0x0a]); // 华为 in GB18030
    const g = await readDocument(write("gbk.txt", Buffer.from(gbk)));
    expect(g.ok && g.document.text).toBe("华为\n");
  });

  it("reads Markdown front matter and headings", async () => {
    const r = await readDocument(
      write(
        "b.md",
        "---\ntitle: Mapping\ndate: 2019-11-28\npublisher: ASPI\nurl: https://example.org/x\n---\n# Heading\nBody",
      ),
    );
    expect(r.ok && r.document).toMatchObject({
      kind: "markdown",
      title: "Mapping",
      date: "2019-11-28",
      publisher: "ASPI",
      url: "https://example.org/x",
      text: "# Heading\nBody",
    });
  });

  it("reads HTML to text and metadata, leaving scripts and handlers out", async () => {
    const html = `<html><head><title>T</title>
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2019-12-02">
      <link rel="canonical" href="https://example.org/a">
      <script>alert("x")</script></head>
      <body><p>Huawei signed an agreement.</p><img src=x onerror="alert(1)"><script>steal()</script>
      <p>&lt;script&gt;not code&lt;/script&gt;</p></body></html>`;
    const r = await readDocument(write("c.html", html));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document).toMatchObject({
      kind: "html",
      title: "T",
      publisher: "Example News",
      date: "2019-12-02",
    });
    expect(r.document.url).toBe("https://example.org/a");
    expect(r.document.text).toContain("Huawei signed an agreement.");
    expect(r.document.text).toContain("<script>not code</script>"); // escaped text stays text
    expect(r.document.text).not.toMatch(/alert|steal|onerror/);
  });

  it("reads a PDF's text layer and sets aside a PDF without one", async () => {
    const r = await readDocument(write("d.pdf", pdf("Huawei (2019) signed a contract", "A report")));
    expect(r.ok && r.document).toMatchObject({ kind: "pdf", title: "A report", date: "2019-05-16" });
    expect(r.ok && r.document.text).toContain("Huawei (2019) signed a contract");
    const scan = await readDocument(write("e.pdf", pdf(null)));
    expect(scan).toMatchObject({ ok: false, code: "no_text_layer" });
    const fake = await readDocument(write("f.pdf", "not a pdf"));
    expect(fake).toMatchObject({ ok: false, code: "unreadable" });
  });

  it("sets aside binary files named .txt, files over the limit, empty and unknown files, with reasons", async () => {
    const bin = await readDocument(
      write("g.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])),
    );
    expect(bin).toMatchObject({ ok: false, code: "binary" });
    expect(await readDocument(write("h.txt", "x".repeat(2000)), { maxBytes: 1000 })).toMatchObject({
      ok: false,
      code: "too_large",
    });
    expect(await readDocument(write("i.txt", "  \n"))).toMatchObject({ ok: false, code: "empty" });
    const other = await readDocument(write("j.docx", "x"));
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.code).toBe("unsupported");
      expect(other.message).toContain(".docx");
    }
  });

  it("walks directories in name order", () => {
    const sub = join(dir, "walk");
    mkdirSync(join(sub, "z"), { recursive: true });
    writeFileSync(join(sub, "b.txt"), "b");
    writeFileSync(join(sub, "a.md"), "a");
    writeFileSync(join(sub, "z", "c.html"), "<p>c</p>");
    expect(documentPaths([sub]).map((p) => p.slice(sub.length + 1))).toEqual(["a.md", "b.txt", "z/c.html"]);
  });
});

const seeds = new URL("../../../../shared/seeds/", import.meta.url).pathname;
describe.skipIf(!existsSync(seeds))("the seed articles", () => {
  it("read as text with their headlines as titles", async () => {
    const r = await readDocument(join(seeds, "002_f6a670a1df599372.txt"));
    expect(r.ok && r.document.title).toMatch(/Focus News|Report Highlights/);
    expect(r.ok && r.document.text).toContain("Karamay");
  });
});
