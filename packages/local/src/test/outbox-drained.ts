import { outboxDb, type OutboxStatus } from "@studiosync/core/outbox";

const STILL_TO_GO: OutboxStatus[] = ["pending", "sending"];

/**
 * Waits (polling DynamoDB, no fixed sleep) until no mail of `scope` (a studio id) is still to go
 * out: every message enqueued so far has reached SES local or been given up. Count the mail
 * after this to prove nothing more arrives, instead of sleeping "long enough".
 */
export async function outboxDrained(scope: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await outboxDb()
      .entities.outboxMessage.query.message({ scope })
      .go({ pages: "all", consistent: true, attributes: ["messageId", "status"] });
    const waiting = data.filter((m) => STILL_TO_GO.includes(m.status));
    if (!waiting.length) return;
    if (Date.now() > deadline) throw new Error(`Outbox of ${scope} still holds ${waiting.map((m) => `${m.messageId} (${m.status})`).join(", ")}`);
    // Quick at first; a big outbox (each read returns every message whole) is polled less often.
    await new Promise((resolve) => setTimeout(resolve, data.length > 50 ? 500 : 50));
  }
}
