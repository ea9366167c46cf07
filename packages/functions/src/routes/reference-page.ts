/**
 * A self-contained, server-rendered API reference built from the OpenAPI document: no CDN
 * scripts, so it works offline and in tests.
 */
interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}
interface Document {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);
const json = (value: unknown) => `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;

export function renderReferencePage(doc: Document): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${status}</code> ${esc(r.description ?? "")}</li>`)
        .join("");
      return `<section id="${esc(method + path)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? "")}${op.security?.length ? " <em>(requires a Bearer access token)</em>" : ""}</p>
${body ? `<details><summary>Request body</summary>${json(body)}</details>` : ""}<ul>${responses}</ul></section>`;
    }),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<details id="schema-${esc(name)}"><summary>${esc(name)}</summary>${json(schema)}</details>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} — API reference</title><style>
body{font-family:system-ui,sans-serif;max-width:960px;margin:auto;padding:24px;color:#1f2933}
section{border-top:1px solid #e4e7eb;padding:8px 0}.m{font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#52606d}
.get{background:#2f855a}.post{background:#2b6cb0}.patch{background:#b7791f}.delete{background:#c53030}
pre{background:#f5f7fa;padding:12px;overflow:auto;font-size:12px}</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a></p>
<h2>Operations</h2>${operations.join("")}<h2>Schemas</h2>${schemas}</body></html>`;
}
