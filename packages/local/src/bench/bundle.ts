import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { LAMBDA_ESBUILD, LAMBDA_HANDLERS } from "@studiosync/functions/routing";
import { LOCAL_PACKAGE_DIR, REPO_ROOT } from "../paths";
import { median, round } from "./measure";

/** Inside the repo (gitignored) so the bundles' bare `@aws-sdk/*` imports resolve from node_modules. */
export const BUNDLE_DIR = join(LOCAL_PACKAGE_DIR, ".bundle");
export const AWS_SDK_EXTERNAL = "@aws-sdk/*";

export interface BundleResult {
  lambda: string;
  entry: string;
  /** All output files: the entry and the chunks it imports lazily. */
  sizeKb: number;
  /** The entry file alone: what a cold start loads. */
  entrySizeKb: number;
  coldImportRuns: number;
  coldImportMedianMs: number;
}

/** Bundles every API Lambda the way SST does (stacks/Api.ts), then times cold imports of each. */
export async function measureLambdaBundles(runs: number): Promise<BundleResult[]> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const results: BundleResult[] = [];
  for (const [lambda, handler] of Object.entries(LAMBDA_HANDLERS)) {
    const entry = `${handler.replace(/\.handler$/, "")}.ts`;
    const outdir = join(BUNDLE_DIR, lambda);
    mkdirSync(outdir, { recursive: true });
    await build({
      entryPoints: [join(REPO_ROOT, entry)],
      absWorkingDir: REPO_ROOT,
      outdir,
      outExtension: { ".js": ".mjs" },
      // As stacks/Api.ts: lazily imported modules go to chunks the cold start does not load.
      splitting: lambda !== "docs",
      bundle: true,
      minify: true,
      platform: "node",
      format: "esm",
      target: "node22",
      ...LAMBDA_ESBUILD,
      // The Lambda Node.js runtime provides the AWS SDK v3.
      external: [AWS_SDK_EXTERNAL],
      // CommonJS dependencies inside an ESM bundle still call require().
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: "warning",
    });
    const file = join(outdir, `${entry.split("/").pop()!.replace(/\.ts$/, "")}.mjs`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(coldImportMs(file));
    results.push({
      lambda,
      entry: relative(REPO_ROOT, file),
      sizeKb: round(readdirSync(outdir).reduce((sum, name) => sum + statSync(join(outdir, name)).size, 0) / 1024, 1),
      entrySizeKb: round(statSync(file).size / 1024, 1),
      coldImportRuns: runs,
      coldImportMedianMs: round(median(times), 1),
    });
  }
  return results;
}

/** A fresh node process per run: nothing cached but what the OS keeps. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: process.env });
  const ms = Number(result.stdout.trim().split("\n").at(-1));
  if (result.status !== 0 || Number.isNaN(ms)) throw new Error(`Importing the bundle failed:\n${result.stderr}`);
  return ms;
}
