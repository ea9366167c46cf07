import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDynamoDbLocal } from "./dynamodb-local";
import type { EngineEndpoints } from "./local-env";
import { startS3Local } from "./s3-local";
import { startSesLocal } from "./ses-local";
import { startStripeLocal } from "./stripe-local";

export { applyLocalEnv, type EngineEndpoints, type LocalEnv } from "./local-env";
export { ensureTableAndBucket } from "./provision";
export { startDnsLocal, type DnsLocal } from "./dns-local";
export { localDynamoClient, localS3Client, localSesClient } from "./aws-clients";

export interface LocalEngines extends EngineEndpoints {
  stripeApiBase: string;
  /** Stops all the engines; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local, s3rver, SES local and the Stripe emulator on free ports of 127.0.0.1.
 * With `dataDir` data persists there (`dynamodb/`, `s3/`, `stripe.json`); without it everything
 * is in memory or in a temp dir that `stop()` removes.
 */
export async function startEngines(options: { dataDir?: string; sesPort?: number; stripePort?: number } = {}): Promise<LocalEngines> {
  const { dataDir, sesPort, stripePort } = options;
  const s3Dir = dataDir ? join(dataDir, "s3") : mkdtempSync(join(tmpdir(), "studiosync-s3-"));
  if (dataDir) {
    mkdirSync(join(dataDir, "dynamodb"), { recursive: true });
    mkdirSync(s3Dir, { recursive: true });
  }
  const started = await Promise.allSettled([
    startDynamoDbLocal(dataDir ? { dbPath: join(dataDir, "dynamodb") } : { inMemory: true }),
    startS3Local(s3Dir),
    startSesLocal(sesPort),
    startStripeLocal({ port: stripePort, stateFile: dataDir ? join(dataDir, "stripe.json") : undefined }).then((stripe) => ({
      ...stripe,
      endpoint: stripe.apiBase,
    })),
  ]);
  const stopAll = async () => {
    await Promise.allSettled(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    if (!dataDir) rmSync(s3Dir, { recursive: true, force: true });
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const [dynamo, s3, ses, stripe] = started.map((s) => (s as PromiseFulfilledResult<{ endpoint: string }>).value.endpoint);
  let stopping: Promise<void> | undefined;
  return {
    dynamodbEndpoint: dynamo!,
    s3Endpoint: s3!,
    sesEndpoint: ses!,
    stripeApiBase: stripe!,
    stop: () => (stopping ??= stopAll()),
  };
}
export { startStreamPoller, type StreamPoller } from "../outbox/stream-poller";
export { LOCAL_HOST, freePort } from "./free-port";
