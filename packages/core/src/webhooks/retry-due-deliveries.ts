import { attemptDelivery, type AttemptOptions, type AttemptOutcome } from "./attempt-delivery";
import { DUE_LOOKBACK_DAYS, dueKeys } from "./webhook-policy";
import { webhooksDb } from "./webhooks-db";

const PAGE = 100;
const CONCURRENCY = 8;

export type WebhookRetryRun = Record<AttemptOutcome, number> & { due: number; errors: number };

/**
 * The webhook retry job (every minute): reads the due index's day buckets of the last days up to
 * now (deliveries whose backoff is over, first attempts the stream consumer never made, claims
 * whose lease ran out) and attempts each; the claim's condition makes one already attempted
 * meanwhile a no-op. One Query per day bucket, no Scan; safe to run twice at once.
 */
export async function retryDueDeliveries(options: AttemptOptions & { now: Date }): Promise<WebhookRetryRun> {
  const { now } = options;
  const run: WebhookRetryRun = { due: 0, delivered: 0, retrying: 0, failed: 0, skipped: 0, errors: 0 };
  for (let back = DUE_LOOKBACK_DAYS; back >= 0; back--) {
    const { dueDay } = dueKeys(new Date(now.getTime() - back * 86_400_000));
    let cursor: string | null = null;
    do {
      const page: { data: { studioId: string; endpointId: string; deliveryId: string }[]; cursor: string | null } = await webhooksDb()
        .entities.webhookDelivery.query.webhookDeliveriesDue({ dueDay })
        .lt({ dueAt: new Date(now.getTime() + 1).toISOString() })
        .go({ cursor, limit: PAGE, pages: 1, attributes: ["studioId", "endpointId", "deliveryId"] });
      run.due += page.data.length;
      for (let i = 0; i < page.data.length; i += CONCURRENCY) {
        const outcomes = await Promise.allSettled(page.data.slice(i, i + CONCURRENCY).map((key) => attemptDelivery(key, options)));
        for (const outcome of outcomes) {
          if (outcome.status === "fulfilled") run[outcome.value]++;
          else {
            run.errors++;
            console.error(JSON.stringify({ level: "error", message: "webhook retry failed", error: String(outcome.reason) }));
          }
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
  if (run.due > 0) console.log(JSON.stringify({ level: "info", message: "webhook retries", ...run }));
  return run;
}
