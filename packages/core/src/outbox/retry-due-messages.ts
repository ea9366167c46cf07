import { deliverOutboxMessage, type DeliveryOptions, type DeliveryOutcome } from "./deliver-message";
import { outboxDb } from "./outbox-db";
import { RETRY_LOOKBACK_DAYS, utcDay } from "./policy";

const PAGE = 100;
const CONCURRENCY = 8;

export type RetryRun = Record<DeliveryOutcome, number> & { due: number; errors: number };

/**
 * The outbox retry job (every minute): reads the `outboxRetryDue` day buckets of the last days up
 * to now — messages whose backoff is over, messages the stream consumer never got to, claims whose
 * lease ran out — and delivers each (the claim's condition makes a message that meanwhile went
 * out, or is being sent, a no-op). No Scan: one Query per day bucket. Safe to run twice at once.
 */
export async function retryDueMessages(options: DeliveryOptions & { now: Date }): Promise<RetryRun> {
  const { now } = options;
  const run: RetryRun = { due: 0, sent: 0, retrying: 0, failed: 0, undeliverable: 0, skipped: 0, errors: 0 };
  for (let back = RETRY_LOOKBACK_DAYS; back >= 0; back--) {
    const day = utcDay(new Date(now.getTime() - back * 86_400_000));
    let cursor: string | null = null;
    do {
      const page: { data: { scope: string; messageId: string }[]; cursor: string | null } = await outboxDb()
        .entities.outboxMessage.query.outboxRetryDue({ retryDay: day })
        // "Up to now" is "before now + 1 ms" (keys written before the index held only the time go on with "#scope…").
        .lt({ retryAt: new Date(now.getTime() + 1).toISOString() })
        .go({ cursor, limit: PAGE, pages: 1, attributes: ["scope", "messageId"] });
      run.due += page.data.length;
      for (let i = 0; i < page.data.length; i += CONCURRENCY) {
        const batch = page.data.slice(i, i + CONCURRENCY);
        const outcomes = await Promise.allSettled(batch.map(({ scope, messageId }) => deliverOutboxMessage({ scope, messageId }, options)));
        for (const outcome of outcomes) {
          if (outcome.status === "fulfilled") run[outcome.value]++;
          else {
            run.errors++;
            console.error(JSON.stringify({ level: "error", message: "outbox retry failed", error: String(outcome.reason) }));
          }
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
  if (run.due > 0) console.log(JSON.stringify({ level: "info", message: "outbox retries", ...run }));
  return run;
}
