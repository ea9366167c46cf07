import { withDbMetrics } from "@studiosync/core/kernel";
import { METERED_ENTITIES } from "@studiosync/core/metering";
import { ENTITY_ATTRIBUTE, OUTBOX_ENTITY } from "@studiosync/core/outbox";
import { CATCH_UP_ENTITIES } from "@studiosync/core/resources";
import { materialsCatchUpHandler, meteringHandler, outboxConsumerHandler } from "@studiosync/functions/job-handlers";
import type { LocalStreamRecord } from "../outbox/local-streams";
import type { StreamHandler } from "../outbox/stream-poller";
import { mean, median, round } from "./measure";

/** What one unit of work cost as measured: DynamoDB calls, RCU and WCU (means) and its duration (median), over `samples`. */
export interface UnitCost {
  samples: number;
  calls: number;
  rcu: number;
  wcu: number;
  ms: number;
}

export interface Sampled {
  calls: number;
  rcu: number;
  wcu: number;
  ms: number;
}

export const unitCostOf = (samples: readonly Sampled[]): UnitCost => ({
  samples: samples.length,
  calls: round(mean(samples.map((s) => s.calls))),
  rcu: round(mean(samples.map((s) => s.rcu))),
  wcu: round(mean(samples.map((s) => s.wcu))),
  ms: round(median(samples.map((s) => s.ms)), 1),
});

/** Times `fn` and reads the DynamoDB calls and capacity it consumed. */
export async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; sample: Sampled }> {
  const started = performance.now();
  const { metrics, result } = withDbMetrics(fn);
  const value = await result;
  return { result: value, sample: { calls: metrics.calls, rcu: metrics.rcu, wcu: metrics.wcu, ms: performance.now() - started } };
}

export type ConsumerName = "outbox" | "metering" | "materialsCatchUp";
type Handler = (event: { Records: LocalStreamRecord[] }) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

/**
 * The table stream's consumer Lambdas with the records their event source filters pass them
 * (stacks/outbox-functions.ts: outbox inserts; metering-function.ts: lessons, outbox messages and
 * studios inserted or changed; materials-catch-up-function.ts: students and bands inserted or changed).
 */
const CONSUMERS: { name: ConsumerName; handler: Handler; takes: (eventName: string, entity: string) => boolean }[] = [
  { name: "outbox", handler: outboxConsumerHandler as unknown as Handler, takes: (e, entity) => e === "INSERT" && entity === OUTBOX_ENTITY },
  {
    name: "metering",
    handler: meteringHandler as unknown as Handler,
    takes: (e, entity) => (e === "INSERT" || e === "MODIFY") && (METERED_ENTITIES as readonly string[]).includes(entity),
  },
  {
    name: "materialsCatchUp",
    handler: materialsCatchUpHandler as unknown as Handler,
    takes: (e, entity) => (e === "INSERT" || e === "MODIFY") && (CATCH_UP_ENTITIES as readonly string[]).includes(entity),
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A stream handler for the local poller (outbox/stream-poller.ts) that does what the consumers do
 * on AWS and measures it: every record each consumer's filter passes is handed to that consumer's
 * own handler alone, as one invocation (the most invocations Lambda could make of them), timed and
 * with its DynamoDB calls and capacity read, tallied by consumer, entity and event.
 */
export class StreamConsumerMeter {
  private readonly samples = new Map<string, Sampled[]>();
  private lastActivity = Date.now();
  private inHand = 0;
  failed = 0;

  readonly handler: StreamHandler = async ({ Records }) => {
    this.inHand++;
    const failures: { itemIdentifier: string }[] = [];
    try {
      for (const record of Records) {
        const eventName = record.eventName ?? "";
        const entity = record.dynamodb?.NewImage?.[ENTITY_ATTRIBUTE]?.S ?? "";
        for (const consumer of CONSUMERS.filter((c) => c.takes(eventName, entity))) {
          const { result, sample } = await measured(() => consumer.handler({ Records: [record] }));
          if (result.batchItemFailures.length > 0) {
            this.failed++;
            failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" });
            continue;
          }
          const key = `${consumer.name} ${entity} ${eventName}`;
          this.samples.set(key, [...(this.samples.get(key) ?? []), sample]);
        }
      }
    } finally {
      this.inHand--;
      this.lastActivity = Date.now();
    }
    return { batchItemFailures: failures };
  };

  /** Waits until the stream has been quiet for `quietMs` (no batch in hand), at most `timeoutMs`. */
  async settled(quietMs = 2_000, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (this.inHand > 0 || Date.now() - this.lastActivity < quietMs)) await sleep(100);
  }

  /** One invocation's cost per consumer, entity and event ("metering lesson INSERT"). */
  costs(): Record<string, UnitCost> {
    return Object.fromEntries([...this.samples].sort(([a], [b]) => a.localeCompare(b)).map(([key, samples]) => [key, unitCostOf(samples)]));
  }

  /** One invocation of `consumer` over every entity and event it was handed (or undefined if it got none). */
  costOf(consumer: ConsumerName, entity?: string): UnitCost | undefined {
    const samples = [...this.samples].filter(([key]) => key.startsWith(`${consumer} ${entity === undefined ? "" : `${entity} `}`)).flatMap(([, list]) => list);
    return samples.length ? unitCostOf(samples) : undefined;
  }

  /** How many invocations `consumer` had for records of `entity`, by event. */
  countOf(consumer: ConsumerName, entity: string): number {
    return [...this.samples].filter(([key]) => key.startsWith(`${consumer} ${entity} `)).reduce((sum, [, list]) => sum + list.length, 0);
  }
}
