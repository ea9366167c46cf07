import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { LOCAL_PACKAGE_DIR, REPO_ROOT } from "../paths";
import { median, round } from "./measure";

/** Inside the repo (gitignored) so the bundle's bare `@aws-sdk/*` imports resolve from node_modules. */
export const BUNDLE_DIR = join(LOCAL_PACKAGE_DIR, ".bundle");
export const AWS_SDK_EXTERNAL = "@aws-sdk/*";

export interface BundleResult {
  entry: string;
  file: string;
  /** All output files: the entry and the chunks it imports lazily. */
  sizeKb: number;
  /** The entry file alone: what a cold start loads. */
  entrySizeKb: number;
  external: string[];
  coldImportRuns: number;
  coldImportMedianMs: number;
}

/** Bundles the API Lambda the way it ships (minified, split ESM for node22), then times cold imports. */
export async function measureApiBundle(runs: number): Promise<BundleResult> {
  const entry = join(REPO_ROOT, "packages/functions/src/api.ts");
  const file = join(BUNDLE_DIR, "api.mjs");
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  await build({
    entryPoints: [entry],
    outdir: BUNDLE_DIR,
    outExtension: { ".js": ".mjs" },
    // As stacks/Api.ts: lazily imported modules go to chunks the cold start does not load.
    splitting: true,
    bundle: true,
    minify: true,
    // SST's Node bundler always keeps function names (stacks/Api.ts bundles through it).
    keepNames: true,
    platform: "node",
    format: "esm",
    target: "node22",
    // The Lambda Node.js runtime provides the AWS SDK v3.
    external: [AWS_SDK_EXTERNAL],
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "warning",
  });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(coldImportMs(file));
  return {
    entry: "packages/functions/src/api.ts",
    file,
    sizeKb: round(readdirSync(BUNDLE_DIR).reduce((sum, name) => sum + statSync(join(BUNDLE_DIR, name)).size, 0) / 1024, 1),
    entrySizeKb: round(statSync(file).size / 1024, 1),
    external: [AWS_SDK_EXTERNAL],
    coldImportRuns: runs,
    coldImportMedianMs: round(median(times), 1),
  };
}

/** A fresh node process per run: nothing cached but what the OS keeps. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: process.env });
  const ms = Number(result.stdout.trim().split("\n").at(-1));
  if (result.status !== 0 || Number.isNaN(ms)) throw new Error(`Importing the bundle failed:\n${result.stderr}`);
  return ms;
}
