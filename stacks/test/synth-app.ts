import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { inject } from "vitest";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import config from "../../sst.config";
import { Storage } from "../Storage";
import { Email } from "../Email";
import { Api } from "../Api";
import { Jobs } from "../Jobs";
import { Web } from "../Web";

/** A synth takes 2–6 minutes on a 2-core CI box next to the other test files (it bundles every Lambda); the limit leaves room for a loaded one. */
export const SYNTH_TIMEOUT = 600_000;

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** Deploy-time inputs read by stacks/settings.ts and stacks/platform-domain.ts; anything not given is unset for the synth. */
const DEPLOY_ENV = ["STUDIOSYNC_EMAIL_DOMAIN", "STUDIOSYNC_WEB_URL", "STUDIOSYNC_PLATFORM_DOMAIN", "STUDIOSYNC_PLATFORM_HOSTED_ZONE_ID"] as const;
export type DeployEnv = Partial<Record<(typeof DEPLOY_ENV)[number], string>>;

const STACKS = ["storage", "email", "api", "jobs", "web"] as const;
export type Synthesized = Record<(typeof STACKS)[number], Template>;

/**
 * The app of the "test" stage, synthesized once per `vitest run` and shared by every infra test
 * file that reads it: the first file to ask synthesizes and writes the templates to the run's
 * scratch folder; the others wait for that file instead of synthesizing again.
 */
export async function sharedTestSynth(): Promise<Synthesized> {
  const dir = join(inject("runDir"), "synth-test");
  const templates = join(dir, "templates.json");
  const failed = join(dir, "failed");
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readShared(dir, templates, failed);
  }
  try {
    const t = await synthApp("test");
    writeFileSync(`${templates}.tmp`, JSON.stringify(Object.fromEntries(STACKS.map((k) => [k, t[k].toJSON()]))));
    renameSync(`${templates}.tmp`, templates);
    return t;
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
}

async function readShared(dir: string, templates: string, failed: string): Promise<Synthesized> {
  await new Promise<void>((resolve, reject) => {
    const settled = () => existsSync(templates) || existsSync(failed);
    const watcher = watch(dir, () => settled() && (watcher.close(), resolve()));
    watcher.on("error", reject);
    if (settled()) watcher.close(), resolve();
  });
  if (existsSync(failed)) throw new Error(`the shared synth failed in another test file: ${readFileSync(failed, "utf8")}`);
  const json = JSON.parse(readFileSync(templates, "utf8")) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(STACKS.map((k) => [k, Template.fromJSON(json[k]!)])) as Synthesized;
}

/**
 * Synthesizes the whole app offline (ARCHITECTURE §6): no credentials, no `sst build`.
 * Bundles the real API handler with esbuild and reads web/dist/sst.buildMeta.json, so the
 * site must have been built (`npm run build -w web`). Run synths one after another: SST keeps
 * per-process state and writes bundles to .sst/artifacts.
 */
export async function synthApp(stage: string, env: DeployEnv = {}): Promise<Synthesized> {
  const saved = Object.fromEntries(DEPLOY_ENV.map((k) => [k, process.env[k]]));
  for (const key of DEPLOY_ENV) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  // SST skips the CDK bootstrap lookup (an AWS call) and the site build only under NODE_ENV=test.
  process.env.NODE_ENV = "test";
  const outdir = mkdtempSync(join(tmpdir(), "studiosync-synth-"));
  try {
    await initProject({ stage });
    const app = new App({ mode: "deploy", stage, name: "studiosync", region: REGION, account: ACCOUNT }, { outdir });
    await config.stacks(app);
    await app.finish();
    return {
      storage: Template.fromStack(getStack(Storage)),
      email: Template.fromStack(getStack(Email)),
      api: Template.fromStack(getStack(Api)),
      jobs: Template.fromStack(getStack(Jobs)),
      web: Template.fromStack(getStack(Web)),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    for (const key of DEPLOY_ENV) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}
