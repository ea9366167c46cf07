import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { resetConfig } from "@studiosync/core/kernel";
import { createApp } from "@studiosync/functions";
import { freePort, LOCAL_HOST } from "@studiosync/local/engines";
import { startWebDev, startWebServer, WEB_SERVER_ENTRY } from "@studiosync/local/start";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Nothing outside this machine: no fonts, CDNs or Google services can load.
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
];

export interface Site {
  apiUrl: string;
  webUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * The API in this process, the built Astro server as a child process, and Chromium.
 * WEB_URL points at the site, so emailed links open it directly. `dev: true` serves the site with
 * the Astro dev server in this process instead, as `npm start` does.
 */
export async function startSite(options: { dev?: boolean } = {}): Promise<Site> {
  if (!options.dev && !existsSync(WEB_SERVER_ENTRY)) throw new Error(`${WEB_SERVER_ENTRY} is missing: run \`npm run build -w web\` first`);
  let webUrl = `http://${LOCAL_HOST}:${await freePort()}`;
  const previousWebUrl = process.env.WEB_URL;
  process.env.WEB_URL = webUrl;
  resetConfig();

  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    process.env.WEB_URL = previousWebUrl;
    resetConfig();
  };
  try {
    const api = await startApi();
    stops.push(() => closeServer(api.server));
    if (options.dev) {
      const previousApiUrl = process.env.API_URL;
      process.env.API_URL = api.url;
      const web = await startWebDev(Number(new URL(webUrl).port));
      stops.push(async () => {
        await web.stop();
        process.env.API_URL = previousApiUrl;
      });
      if (web.url !== webUrl) {
        webUrl = process.env.WEB_URL = web.url;
        resetConfig();
      }
    } else {
      const web = await startWebServer(Number(new URL(webUrl).port), api.url, { ...process.env, WEB_SERVER_LOG: "quiet" });
      stops.push(web.stop);
    }
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    stops.push(() => browser.close());
    return { apiUrl: api.url, webUrl, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startApi(): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: createApp().fetch, port: 0, hostname: LOCAL_HOST }, (info: AddressInfo) =>
      resolve({ server, url: `http://${LOCAL_HOST}:${info.port}` }),
    );
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    if ("closeAllConnections" in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}
