import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "astro";
import { REPO_ROOT, WEB_DIR } from "../paths";

/** The standalone Node server of the site (`ASTRO_TARGET=node astro build`): what `npm start` serves. */
export const WEB_SERVER_ENTRY = join(WEB_DIR, "dist-node", "server", "entry.mjs");
const BUILT_STAMP = join(WEB_DIR, "dist-node", ".built-at");

/** What the site's build is made from: its pages and the packages its server code imports. */
const SOURCES = [join(WEB_DIR, "src"), join(WEB_DIR, "public"), join(WEB_DIR, "astro.config.mjs"), join(REPO_ROOT, "packages", "core", "src")];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * Builds the site for Node unless the last build is newer than every source file, so a restart
 * is quick and a changed page is never served stale.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  const builtAt = existsSync(BUILT_STAMP) && existsSync(WEB_SERVER_ENTRY) ? statSync(BUILT_STAMP).mtimeMs : 0;
  if (builtAt && Math.max(...SOURCES.map(newestChange)) < builtAt) return;
  log("Building the site (web/) for production…");
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  process.env.ASTRO_TARGET = "node";
  const started = Date.now();
  await build({ root: WEB_DIR, logLevel: "warn" });
  writeFileSync(BUILT_STAMP, new Date(started).toISOString());
}
