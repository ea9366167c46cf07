import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { resetConfig } from "@studiosync/core/config";
import { createApp } from "@studiosync/functions/app";
import { freePort, LOCAL_HOST } from "@studiosync/local/engines/free-port";
import { startWebDev } from "@studiosync/local/start/web-dev";
import { chromium, type Browser } from "playwright-core";

/** The built standalone site (`npm run build -w web` makes it; the root `npm test` builds first). */
const SERVER_ENTRY = fileURLToPath(new URL("../../dist-node/server/entry.mjs", import.meta.url));

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
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
  if (!options.dev && !existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build -w web\` first`);
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
      const web = await startWeb(webUrl, api.url);
      stops.push(() => stopChild(web));
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

async function startWeb(webUrl: string, apiUrl: string): Promise<ChildProcess> {
  const { port } = new URL(webUrl);
  const node = [process.execPath, SERVER_ENTRY];
  // setpriv: the kernel kills the server if this test process dies before afterAll runs.
  const [command, ...args] = hasSetpriv() ? ["setpriv", "--pdeathsig", "KILL", ...node] : node;
  const child = spawn(command!, args, {
    env: { ...process.env, HOST: LOCAL_HOST, PORT: port, API_URL: apiUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitUntilServing(webUrl, child);
  } catch (error) {
    await stopChild(child);
    throw new Error(`The web server did not start: ${(error as Error).message}\n${output.join("")}`);
  }
  return child;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

let setprivAvailable: boolean | undefined;
function hasSetpriv(): boolean {
  setprivAvailable ??= process.platform === "linux" && spawnSync("setpriv", ["--version"]).status === 0;
  return setprivAvailable;
}
