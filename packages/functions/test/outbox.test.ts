import { randomUUID } from "node:crypto";
import { resetConfig } from "@studiosync/core/kernel";
import { db } from "@studiosync/core/db";
import { type EmailSender, sesSender } from "@studiosync/core/email";
import {
  consumeOutboxRecords,
  deliverOutboxMessage,
  backoffMs,
  MAX_ATTEMPTS,
  outboxDb,
  outboxEmail,
  retryDueMessages,
  type OutboxMessageKey,
} from "@studiosync/core/outbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTableAndBucket, freePort, startStreamPoller, type StreamPoller } from "@studiosync/local/engines";
import { readMail } from "@studiosync/local/testing";
import { api, uniqueEmail } from "./support/api";
import { billingWorld } from "./support/billing";

/**
 * This file runs on its own table, with its own outbox consumer (the stream poller fed to the same
 * consumer code), so it can point SES at an engine that is down without touching other files' mail.
 */
const working = () => sesSender(process.env.SES_ENDPOINT);
let down: EmailSender;
let send: EmailSender;
let poller: StreamPoller;

beforeAll(async () => {
  process.env.TABLE_NAME = `outbox-test-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTableAndBucket({ tableName: process.env.TABLE_NAME, bucketName: process.env.BUCKET_NAME! });
  // A port nothing listens on: every send fails to connect, as when SES is unreachable.
  down = sesSender(`http://127.0.0.1:${await freePort()}`);
  send = working();
  poller = await startStreamPoller({
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT!,
    tableName: process.env.TABLE_NAME,
    handler: async ({ Records }) => {
      await consumeOutboxRecords(Records, { send: (to, email) => send(to, email) });
      return { batchItemFailures: [] };
    },
  });
});

afterAll(async () => {
  await poller?.stop();
});

const message = async (key: OutboxMessageKey) => (await outboxDb().entities.outboxMessage.get(key).go({ consistent: true })).data;

/** Waits (polling DynamoDB, no fixed sleep) until the message satisfies `done`. */
async function messageWhen(key: OutboxMessageKey, done: (m: NonNullable<Awaited<ReturnType<typeof message>>>) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await message(key);
    if (found && done(found)) return found;
    if (Date.now() > deadline) throw new Error(`Outbox message ${key.messageId} is ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const testEmail = (subject: string) => ({ subject, html: `<p>${subject}</p>`, text: subject });

/** Enqueues one message on its own, as a use case's transaction would (the poller picks it up unless SES is down). */
async function enqueue(to: string, subject: string): Promise<OutboxMessageKey> {
  const key = { scope: randomUUID(), messageId: `test#${randomUUID()}#${to}` };
  const outcome = await db()
    .transaction.write((tx) => [outboxEmail(tx, { ...key, to, email: testEmail(subject) })])
    .go();
  expect(outcome.canceled).toBe(false);
  return key;
}

/** After SES local has what `readMail` waited for, nothing more arrives for that recipient. */
async function exactlyOne(to: string, subject: string) {
  const mails = await readMail(to, { subject, count: 1 });
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

describe("issue 10 #21: email goes through a transactional outbox", () => {
  it("#21: sign-up's verification email is an outbox message, sent by the stream consumer", async () => {
    const email = uniqueEmail("outbox-signup");
    const res = await api("POST", "/v1/auth/signup", {
      body: {
        email,
        password: "correct horse battery staple",
        name: "Olive Box",
        studioName: `Outbox ${randomUUID().slice(0, 6)}`,
        timeZone: "Europe/London",
        currency: "GBP",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const mail = await exactlyOne(email, "Confirm");
    const { data: login } = await db().entities.credential.get({ email: email.toLowerCase() }).go();
    const { data: owner } = await db().entities.membership.query.membershipsByUser({ userId: login!.userId }).go();
    expect(mail.body.text).toContain("/verify-email?token=");
    const { data } = await outboxDb().entities.outboxMessage.query.message({ scope: owner[0]!.studioId }).go({ consistent: true });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ status: "sent", attempts: 1 });
    expect(data[0]!.to.toLowerCase()).toBe(email.toLowerCase());
    expect(data[0]!.retryAt).toBeUndefined();
  });

  it("#21: a message commits with its change or not at all, and only once per deterministic id", async () => {
    const to = uniqueEmail("outbox-atomic");
    const key = { scope: randomUUID(), messageId: `test#${randomUUID()}` };
    // The change fails (a condition on another item): the message is not written either.
    const failed = await db()
      .transaction.write((tx) => [
        outboxEmail(tx, { ...key, to, email: testEmail("Never sent") }),
        tx.studioSlug
          .check({ slug: `missing-${randomUUID()}` })
          .where((a, op) => op.exists(a.studioId))
          .commit(),
      ])
      .go();
    expect(failed.canceled).toBe(true);
    expect(await message(key)).toBeNull();

    const committed = await db()
      .transaction.write((tx) => [outboxEmail(tx, { ...key, to, email: testEmail("Sent once") })])
      .go();
    expect(committed.canceled).toBe(false);
    // The same message enqueued again (a retried request, a job run twice) is refused.
    const again = await db()
      .transaction.write((tx) => [outboxEmail(tx, { ...key, to, email: testEmail("Sent once") })])
      .go();
    expect(again.canceled).toBe(true);
    await messageWhen(key, (m) => m.status === "sent");
    await exactlyOne(to, "Sent once");
  });

  it("#21: the consumer sends a message once however often and however concurrently it runs", async () => {
    send = down;
    const to = uniqueEmail("outbox-once");
    const key = await enqueue(to, "Exactly once");
    await messageWhen(key, (m) => m.status === "pending" && m.attempts === 1);
    send = working();
    const later = new Date(Date.now() + 10 * 60_000);
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliverOutboxMessage(key, { now: later, send })));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "skipped")).toHaveLength(3);
    // The stream delivering the insert again, and the retry job, find nothing left to do.
    const insert = {
      eventName: "INSERT",
      dynamodb: { NewImage: { __edb_e__: { S: "outboxMessage" }, scope: { S: key.scope }, messageId: { S: key.messageId } } },
    };
    await consumeOutboxRecords([insert, insert], { send });
    expect(await deliverOutboxMessage(key, { now: new Date(later.getTime() + 3_600_000), send })).toBe("skipped");
    await retryDueMessages({ now: new Date(later.getTime() + 3_600_000), send });
    await exactlyOne(to, "Exactly once");
    expect(await message(key)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it(`#21: after SES failures the message is retried with backoff, and marked failed after ${MAX_ATTEMPTS} attempts`, async () => {
    send = down;
    const to = uniqueEmail("outbox-failed");
    const key = await enqueue(to, "Never arrives");
    const first = await messageWhen(key, (m) => m.attempts === 1 && m.status === "pending");
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.lastError).toBeTruthy();
    // The first retry waits a minute from the failed attempt (which itself took a moment).
    let now = Date.parse(first.updatedAt);
    expect(Date.parse(first.retryAt!) - now).toBeGreaterThan(30_000);

    // Not due yet: the retry job leaves it alone.
    await retryDueMessages({ now: new Date(now + 30_000), send: down });
    expect(await message(key)).toMatchObject({ attempts: 1 });

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = (await message(key))!;
      now = Date.parse(before.retryAt!);
      await retryDueMessages({ now: new Date(now), send: down });
      const after = (await message(key))!;
      expect(after.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(after.status).toBe("pending");
        // Exponential backoff: 2, 4, 8, 16 minutes after attempts 2 to 5.
        expect(Date.parse(after.retryAt!) - now).toBe(backoffMs(attempt));
        expect(backoffMs(attempt)).toBeGreaterThan(backoffMs(attempt - 1));
      }
    }
    const gaveUp = (await message(key))!;
    expect(gaveUp).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(gaveUp.failedAt).toBeTruthy();
    expect(gaveUp.retryAt).toBeUndefined();
    // A failed message is not sent later, even with SES back.
    await retryDueMessages({ now: new Date(now + 86_400_000), send: working() });
    await expect(readMail(to, { timeoutMs: 300 })).rejects.toThrow(/got 0/);
  });

  it("#21: a claim whose consumer died is taken over once its lease ran out", async () => {
    send = down;
    const to = uniqueEmail("outbox-lease");
    const key = await enqueue(to, "Lease taken over");
    await messageWhen(key, (m) => m.attempts === 1 && m.status === "pending");
    // A consumer claims it and dies mid-send (its send never settles).
    const retryAt = Date.parse((await message(key))!.retryAt!);
    void deliverOutboxMessage(key, { now: new Date(retryAt), send: () => new Promise(() => {}) });
    const claimed = await messageWhen(key, (m) => m.status === "sending");
    // While the lease holds, nobody else may send it.
    expect(await deliverOutboxMessage(key, { now: new Date(retryAt + 1_000), send: working() })).toBe("skipped");
    await retryDueMessages({ now: new Date(retryAt + 1_000), send: working() });
    expect(await message(key)).toMatchObject({ status: "sending", claimId: claimed.claimId });
    await retryDueMessages({ now: new Date(Date.parse(claimed.leaseUntil!) + 1_000), send: working() });
    await exactlyOne(to, "Lease taken over");
    expect(await message(key)).toMatchObject({ status: "sent", attempts: 3 });
  });
});

describe("issue 10 #30 and #20: a failed email never fails or repeats the write that caused it", () => {
  it("#30: with SES down a payment answers 201; its receipt is retried and sent exactly once when SES is back", { timeout: 120_000 }, async () => {
    send = working();
    const w = await billingWorld({ timeZone: "Europe/London", currency: "GBP" });
    send = down;
    const res = await api("POST", `/v1/studios/${w.studioId}/payments`, {
      token: w.owner.accessToken,
      body: { accountId: w.family, amountMinor: 4321, method: "cash" },
      headers: { "Idempotency-Key": randomUUID() },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const key = { scope: w.studioId, messageId: `payment#${res.body.id}#receipt#${w.guardianEmail}` };
    const failed = await messageWhen(key, (m) => m.attempts === 1 && m.status === "pending");
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await readMail(w.guardianEmail, { subject: "Receipt", timeoutMs: 300 }).catch(() => [])).toHaveLength(0);

    // SES is back: the retry job sends it once its backoff is over, and never again.
    send = working();
    const due = new Date(Date.parse(failed.retryAt!));
    await retryDueMessages({ now: due, send });
    await retryDueMessages({ now: new Date(due.getTime() + 3_600_000), send });
    const receipt = await exactlyOne(w.guardianEmail, "Receipt: £43.21");
    expect(receipt.body.text).toContain("£43.21");
    expect(await message(key)).toMatchObject({ status: "sent", attempts: 2 });
  });
});
