import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { applyLocalEnv, ensureTableAndBucket, startEngines, type LocalEnv } from "../engines/index";

declare module "vitest" {
  export interface ProvidedContext {
    /** Endpoints of the engines started once per `vitest run`, plus the shared test names. */
    localEnv: LocalEnv;
  }
}

/**
 * Starts DynamoDB Local (in memory), s3rver, SES local and the Stripe emulator once for the whole run; workers
 * get the endpoints through `inject("localEnv")` (see setup-env.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
  try {
    await ensureTableAndBucket(env);
  } catch (error) {
    await engines.stop();
    throw error;
  }
  // Also here, for other global setups of the run (for example a web server for browser tests).
  applyLocalEnv(env);
  project.provide("localEnv", env);
  return () => engines.stop();
}
