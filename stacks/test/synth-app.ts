import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import config from "../../sst.config";
import { Storage } from "../Storage";
import { Email } from "../Email";
import { Api } from "../Api";
import { Jobs } from "../Jobs";
import { Web } from "../Web";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** Deploy-time inputs read by stacks/settings.ts; anything not given is unset for the synth. */
const DEPLOY_ENV = ["STUDIOSYNC_EMAIL_DOMAIN", "STUDIOSYNC_WEB_URL"] as const;
export type DeployEnv = Partial<Record<(typeof DEPLOY_ENV)[number], string>>;

export interface Synthesized {
  storage: Template;
  email: Template;
  api: Template;
  jobs: Template;
  web: Template;
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
    const app = new App(
      { mode: "deploy", stage, name: "studiosync", region: REGION, account: ACCOUNT },
      { outdir },
    );
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
