import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "@studiosync/functions";
import { LOCAL_HOST, freePort } from "../engines/free-port";
import { DEMO, seedDemo } from "../seed-demo";
import { ensureWebBuild } from "../start/web-build";
import { startWebServer } from "../start/web-server";
import { Fixtures, type Session } from "./fixtures";
import { percentile, round } from "./measure";
import { toFetch } from "./run-scenario";
import { seedLessons } from "./scheduling-calendar";
import { publicPages, workspacePages, type PageTarget } from "./workspace-pages";

/**
 * Every workspace page as a browser gets it: the built site's server (a child process, as in
 * `npm start`) rendering against the API in this process, which counts the calls each page
 * makes. Per page: API calls, server render time (p50/p95 of `runs` loads), HTML size and the
 * JavaScript it ships (inline and linked scripts). Then the calendar week of a teacher in a
 * studio with 1,000 and with 100,000 lessons.
 */
export interface PageResult {
  page: string;
  path: string;
  status: number;
  apiCalls: number;
  renderP50Ms: number;
  renderP95Ms: number;
  htmlKb: number;
  jsKb: number;
  /** The page's Cache-Control (public pages are cacheable). */
  cacheControl: string | null;
}

export interface PagesBenchResult {
  pages: PageResult[];
  calendarWeek: { lessons: number; renderP50Ms: number; renderP95Ms: number; apiCalls: number }[];
}

export async function benchPages(options: { runs: number }): Promise<PagesBenchResult> {
  await ensureWebBuild((line) => console.log(`  ${line}`));
  let apiCalls = 0;
  const app = createApp();
  const api = await listen((request) => {
    apiCalls++;
    return app.fetch(request);
  });
  const web = await startWebServer(await freePort(), api.url, { ...process.env, WEB_SERVER_LOG: "quiet" });
  try {
    await seedDemo(api.url);
    const fixtures = new Fixtures((request) => {
      const { path, init } = toFetch(request);
      return Promise.resolve(app.request(path, init));
    });
    const owner = await fixtures.login({ email: DEMO.ownerEmail, password: DEMO.ownerPassword, slug: DEMO.slug });
    const load = async (path: string, session: Session) => {
      const cookie = `ss_access=${session.accessToken}; ss_refresh=${session.refreshToken}`;
      const before = apiCalls;
      const started = performance.now();
      const response = await fetch(`${web.url}${path}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      return { status: response.status, ms: performance.now() - started, calls: apiCalls - before, html, cacheControl: response.headers.get("Cache-Control") };
    };
    const measure = async (target: PageTarget, session: Session): Promise<PageResult> => {
      const first = await load(target.path, session);
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) times.push((await load(target.path, session)).ms);
      times.sort((a, b) => a - b);
      return {
        page: target.name,
        path: target.path,
        status: first.status,
        apiCalls: first.calls,
        renderP50Ms: round(percentile(times, 50), 1),
        renderP95Ms: round(percentile(times, 95), 1),
        htmlKb: round(Buffer.byteLength(first.html) / 1024, 1),
        jsKb: round((await scriptBytes(first.html, web.url)) / 1024, 1),
        cacheControl: first.cacheControl,
      };
    };

    const pages: PageResult[] = [];
    for (const target of [...(await workspacePages(fixtures, owner)), ...(await publicPages(fixtures))]) {
      process.stdout.write(`  ${target.name} … `);
      const result = await measure(target, owner);
      console.log(`${result.status}, ${result.apiCalls} API calls, p50 ${result.renderP50Ms} ms`);
      pages.push(result);
    }

    const calendarWeek = [];
    for (const size of [1_000, 100_000]) {
      const studioOwner = await fixtures.signedInOwner();
      const { teacherId, seconds } = await seedLessons(studioOwner.studioId, size);
      console.log(`  seeded ${size.toLocaleString("en")} lessons in ${seconds.toFixed(1)} s`);
      const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      const path = `/dashboard/studios/${studioOwner.studioId}/calendar?view=week&date=${date}&teacher=${teacherId}`;
      const result = await measure({ name: `calendar week (${size.toLocaleString("en")} lessons)`, path }, studioOwner);
      console.log(`  ${result.page}: ${result.status}, ${result.apiCalls} API calls, p50 ${result.renderP50Ms} ms, p95 ${result.renderP95Ms} ms`);
      calendarWeek.push({ lessons: size, renderP50Ms: result.renderP50Ms, renderP95Ms: result.renderP95Ms, apiCalls: result.apiCalls });
    }
    return { pages, calendarWeek };
  } finally {
    await web.stop();
    await new Promise<void>((resolve) => api.server.close(() => resolve()));
  }
}

/** The bytes of JavaScript a page ships: inline scripts plus every linked script, fetched. */
async function scriptBytes(html: string, origin: string): Promise<number> {
  let total = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = "", body = ""] = match;
    if (/type="application\/(ld\+)?json"/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    total += src ? (await (await fetch(new URL(src, origin))).arrayBuffer()).byteLength : Buffer.byteLength(body);
  }
  return total;
}

function listen(fetchHandler: (request: Request) => Response | Promise<Response>): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, port: 0, hostname: LOCAL_HOST }, (info: AddressInfo) =>
      resolve({ server, url: `http://${LOCAL_HOST}:${info.port}` }),
    );
  });
}

export function printPages(result: PagesBenchResult): void {
  const header = ["page", "status", "API calls", "p50 ms", "p95 ms", "HTML KB", "JS KB"];
  const rows = result.pages.map((p) => [
    p.page,
    String(p.status),
    String(p.apiCalls),
    String(p.renderP50Ms),
    String(p.renderP95Ms),
    String(p.htmlKb),
    String(p.jsKb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  const [small, large] = result.calendarWeek;
  if (small && large) {
    console.log(
      `  calendar week: ${large.renderP50Ms} ms with 100,000 lessons vs ${small.renderP50Ms} ms with 1,000 (${round(large.renderP50Ms / small.renderP50Ms, 2)}×)`,
    );
  }
}
