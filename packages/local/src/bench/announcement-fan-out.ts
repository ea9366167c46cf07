import { randomUUID } from "node:crypto";
import { resetConfig, withDbMetrics } from "@studiosync/core/kernel";
import { messagingDb, sendAnnouncements } from "@studiosync/core/messaging";
import { deliverOutboxMessage, outboxDb } from "@studiosync/core/outbox";
import { searchKeys } from "@studiosync/core/people";
import { ensureTableAndBucket } from "../engines/index";
import { batchPut } from "./batch-put";

export interface AnnouncementFanOutResult {
  recipients: number;
  /** DynamoDB requests of the job runs that resolve the audience and hand every copy to the outbox, by operation. */
  requests: number;
  operations: Record<string, number>;
  wcu: number;
  seconds: number;
  /** The same per 1,000 recipients. */
  requestsPer1000: number;
  /** What each copy then costs on its way out: the outbox consumer's claim, address check and record, and its receipt (SES not counted). */
  deliveryRequestsPerCopy: number;
  deliveryOperations: Record<string, number>;
}

/** ElectroDB's batch put, of items the bench builds itself. */
type BulkPut = { put: (items: unknown[]) => { go: (options: { concurrent: number }) => Promise<{ unprocessed: unknown[] }> } };

const count = (operations: readonly string[]) => {
  const by: Record<string, number> = {};
  for (const op of operations) by[op] = (by[op] ?? 0) + 1;
  return by;
};

/**
 * One studio with `recipients` students, each with an address, and an announcement to all families
 * due now; times the Announcements job runs that send it (in a table of its own, so nothing else is
 * queued), then delivers 20 copies with a sender that only accepts, to count a copy's own requests.
 */
export async function benchAnnouncementFanOut(options: { recipients?: number } = {}): Promise<AnnouncementFanOutResult> {
  const recipients = options.recipients ?? 1_000;
  const previousTable = process.env.TABLE_NAME;
  const tableName = `studiosync-bench-announce-${randomUUID().slice(0, 8)}`;
  await ensureTableAndBucket({ tableName, bucketName: process.env.BUCKET_NAME! });
  process.env.TABLE_NAME = tableName;
  resetConfig();
  try {
    const { studio, student, announcement } = messagingDb().entities;
    const studioId = randomUUID();
    const actor = "bench";
    await studio
      .create({
        studioId,
        name: "Bench Hall",
        slug: `bench-${studioId.slice(0, 8)}`,
        timeZone: "Europe/London",
        currency: "GBP",
        createdBy: actor,
        updatedBy: actor,
      })
      .go();
    const students = Array.from({ length: recipients }, (_, i) => ({
      studioId,
      studentId: randomUUID(),
      firstName: "Student",
      lastName: `${i}`,
      email: `news-${i}-${studioId.slice(0, 8)}@example.test`,
      createdBy: actor,
      updatedBy: actor,
      ...searchKeys(`Student ${i}`),
    }));
    const bulk = student as unknown as BulkPut;
    await batchPut(
      (items) => bulk.put(items).go({ concurrent: 8 }),
      students,
      (s) => s.studentId,
    );
    const now = new Date();
    const announcementId = randomUUID();
    await announcement
      .create({
        studioId,
        announcementId,
        subject: "Spring recital",
        body: "Our spring recital is on 20 March at 3 pm.",
        audienceKind: "families",
        audienceLabel: "All families",
        email: true,
        inApp: true,
        status: "sending",
        queuedCount: 0,
        authorName: "Bench Owner",
        createdBy: actor,
        dueDay: now.toISOString().slice(0, 10),
        dueAt: now.toISOString(),
      })
      .go();

    const started = performance.now();
    const { metrics, result } = withDbMetrics(async () => {
      let queued = 0;
      // As many runs as its minute budgets take (each run is a minute later).
      for (let minute = 0; queued < recipients && minute < 60; minute++)
        queued += (await sendAnnouncements({ now: new Date(now.getTime() + minute * 60_000) })).queued;
      return queued;
    });
    const queued = await result;
    const seconds = (performance.now() - started) / 1000;
    if (queued !== recipients) throw new Error(`announcement bench: ${queued} of ${recipients} copies handed to the outbox`);

    const { data } = await outboxDb()
      .entities.outboxMessage.query.message({ scope: studioId })
      .go({ limit: 20, attributes: ["scope", "messageId"] });
    const delivery = withDbMetrics(() =>
      Promise.all(data.map((m) => deliverOutboxMessage({ scope: m.scope, messageId: m.messageId }, { send: async () => {} }))),
    );
    await delivery.result;
    return {
      recipients,
      requests: metrics.calls,
      operations: count(metrics.operations),
      wcu: Math.round(metrics.wcu * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
      requestsPer1000: Math.round((metrics.calls / recipients) * 1000),
      deliveryRequestsPerCopy: Math.round((delivery.metrics.calls / data.length) * 10) / 10,
      deliveryOperations: count(delivery.metrics.operations),
    };
  } finally {
    process.env.TABLE_NAME = previousTable;
    resetConfig();
  }
}
