import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyLocalEnv, ensureTableAndBucket, startEngines, type LocalEnv } from "../engines/index";
import { startStreamPoller } from "../outbox/stream-poller";
import { startSesEventRelay, type SesEventRelay } from "../outbox/ses-event-relay";

declare module "vitest" {
  export interface ProvidedContext {
    /** Endpoints of the engines started once per `vitest run`, plus the shared test names. */
    localEnv: LocalEnv;
    /** A scratch folder for this run that test files share (removed when the run ends). */
    runDir: string;
  }
}

interface RunEngines {
  env: LocalEnv;
  runDir: string;
  stop(): Promise<void>;
}

/** Set while a run's engines are up: vitest calls this setup once per project, in one process. */
const SHARED = Symbol.for("studiosync.test.run-engines");
type Shared = { started: Promise<RunEngines>; users: number };
const shared = globalThis as unknown as { [SHARED]?: Shared };

/**
 * Starts DynamoDB Local (in memory), s3rver, SES local, the Stripe emulator, the outbox stream
 * poller and the relay of SES local's bounce and complaint events once for the whole run, shared
 * by every project of the config (vitest.config.ts); workers get the endpoints through
 * `inject("localEnv")` (see setup-env.ts). The last project to finish stops them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = (shared[SHARED] ??= { started: startRunEngines(), users: 0 });
  run.users += 1;
  const { env, runDir, stop } = await run.started;
  project.provide("localEnv", env);
  project.provide("runDir", runDir);
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    delete shared[SHARED];
    await stop();
  };
}

async function startRunEngines(): Promise<RunEngines> {
  const engines = await startEngines();
  const env: LocalEnv = {
    stage: "test",
    tableName: "studiosync-test",
    bucketName: "studiosync-test",
    appSecret: randomBytes(32).toString("hex"),
    webUrl: "http://127.0.0.1:4321",
    dynamodbEndpoint: engines.dynamodbEndpoint,
    s3Endpoint: engines.s3Endpoint,
    sesEndpoint: engines.sesEndpoint,
    stripeApiBase: engines.stripeApiBase,
  };
  // Also here, for other global setups of the run (for example a web server for browser tests),
  // and for the outbox consumer below, which runs in this process.
  applyLocalEnv(env);
  let outbox: Awaited<ReturnType<typeof startStreamPoller>> | undefined;
  let sesEvents: SesEventRelay | undefined;
  try {
    await ensureTableAndBucket(env);
    // One outbox consumer for the shared table: mail the app enqueues reaches SES local as on AWS.
    outbox = await startStreamPoller({ dynamodbEndpoint: env.dynamodbEndpoint, tableName: env.tableName, log: (line) => console.error(line) });
    // Mail to bounce@ / complaint@simulator.amazonses.com marks the address, on the shared table.
    sesEvents = startSesEventRelay({ log: (line) => console.error(line) });
  } catch (error) {
    await engines.stop();
    throw error;
  }
  const runDir = mkdtempSync(join(tmpdir(), "studiosync-run-"));
  return {
    env,
    runDir,
    stop: async () => {
      await sesEvents?.stop();
      await outbox?.stop();
      await engines.stop();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
