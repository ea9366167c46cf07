import type { APIRoute } from "astro";
import { api } from "../../lib/api";
import { call } from "../../lib/call";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A studio's sitemap: its page, its teachers' pages and its enquiry page (one API call). */
export const GET: APIRoute = async ({ params, url }) => {
  const slug = params.slug ?? "";
  const result = await call(api().v1.public.studios[":slug"].offerings.$get({ param: { slug } }));
  if (!result.ok && result.status >= 500) throw new Error(`Sitemap of ${slug}: API answered ${result.status}`);
  if (!result.ok) return new Response("No such studio", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const base = `${url.origin}/${encodeURIComponent(result.data.studio.slug)}`;
  const pages = [base, ...result.data.teachers.map((t) => `${base}/teachers/${encodeURIComponent(t.id)}`), `${base}/enquire`];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages
    .map((page) => `  <url><loc>${escapeXml(page)}</loc></url>`)
    .join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
};
