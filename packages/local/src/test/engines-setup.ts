import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { applyLocalEnv, ensureTableAndBucket, startEngines, type LocalEnv } from "../engines/index";
import { startStreamPoller } from "../outbox/stream-poller";
import { startSesEventRelay, type SesEventRelay } from "../outbox/ses-event-relay";
import { startInboundSmtp, type InboundSmtp } from "../inbound/smtp-inbound";
import { sharedForRun } from "./shared-for-run";

declare module "vitest" {
  export interface ProvidedContext {
    /** Endpoints of the engines started once per `vitest run`, plus the shared test names. */
    localEnv: LocalEnv;
  }
}

/**
 * Global setup of the projects that need the engines (vitest.config.ts: integration, browser).
 * Starts DynamoDB Local (in memory), s3rver, SES local, the Stripe emulator, the outbox stream
 * poller, the inbound SMTP server (replies by email) and the relay of SES local's bounce and complaint events once for the whole run, shared
 * by every such project; workers get the endpoints through `inject("localEnv")` (see
 * setup-env.ts). The last project to finish stops them. Projects without this setup (unit,
 * infra) start nothing and need no Java.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { resource, release } = await sharedForRun("engines", startRunEngines);
  project.provide("localEnv", resource.env);
  return release;
}

async function startRunEngines(): Promise<{ env: LocalEnv; stop(): Promise<void> }> {
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
  // The test-only allowance (core/webhooks/public-address.ts): webhooks may reach the tests' own
  // receivers on 127.0.0.1 (never another private address; never on Lambda).
  process.env.STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK = "1";
  let outbox: Awaited<ReturnType<typeof startStreamPoller>> | undefined;
  let sesEvents: SesEventRelay | undefined;
  let inbound: InboundSmtp | undefined;
  try {
    await ensureTableAndBucket(env);
    // One outbox consumer for the shared table: mail the app enqueues reaches SES local as on AWS.
    outbox = await startStreamPoller({ dynamodbEndpoint: env.dynamodbEndpoint, tableName: env.tableName, log: (line) => console.error(line) });
    // Mail to bounce@ / complaint@simulator.amazonses.com marks the address, on the shared table.
    sesEvents = startSesEventRelay({ log: (line) => console.error(line) });
    // Replies by email over real SMTP, stored and handled as on AWS.
    inbound = await startInboundSmtp({ port: 0, log: () => undefined });
    env.inboundSmtpPort = inbound.port;
  } catch (error) {
    await sesEvents?.stop();
    await outbox?.stop();
    await engines.stop();
    throw error;
  }
  return {
    env,
    stop: async () => {
      await inbound?.stop();
      await sesEvents?.stop();
      await outbox?.stop();
      await engines.stop();
    },
  };
}
