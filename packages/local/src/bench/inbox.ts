import { randomUUID } from "node:crypto";
import { messagingDb } from "@studiosync/core/messaging";
import { batchPut } from "./batch-put";
import type { Fixtures, Owner, Session } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";

/**
 * Conversations at size: the studio's inbox holding 10,000 threads (their inbox entries and its
 * unread summary written straight into the table, untimed) must list a page with its unread count
 * in the membership-and-summary read plus one Query; answering a thread is that read plus one
 * transaction, whatever the inbox holds.
 */
type SignedIn = Owner & Session & { threadId: string };

const THREADS = 10_000;
const UNREAD = 2_500;

let seeded: Promise<SignedIn> | undefined;

function studioOf(fixtures: Fixtures): Promise<SignedIn> {
  seeded ??= (async () => {
    const owner = await fixtures.signedInOwner();
    const started = performance.now();
    const base = Date.now() - THREADS * 60_000;
    const entries = Array.from({ length: THREADS }, (_, i) => ({
      studioId: owner.studioId,
      party: "studio",
      threadId: randomUUID(),
      subject: `Thread ${i + 1}`,
      folder: "inbox" as const,
      lastMessageAt: new Date(base + i * 60_000).toISOString(),
      lastSenderName: "Bench Parent",
      preview: "Could we move Tuesday's lesson?",
      unread: i < UNREAD ? 1 : 0,
      withNames: "Bench Parent",
      parties: ["studio", `guardian:bench:${i}`],
    }));
    const { threadInbox, inboxSummary } = messagingDb().entities;
    await batchPut(
      (items) => threadInbox.put(items).go({ concurrent: 16 }),
      entries,
      (k) => k.threadId,
    );
    await inboxSummary.put({ studioId: owner.studioId, party: "studio", unreadThreads: UNREAD }).go();
    // A real thread to answer: the studio's note to the office (the studio alone takes part).
    const thread = await fixtures.expectJson<{ id: string }>(
      {
        method: "POST",
        path: `/v1/studios/${owner.studioId}/threads`,
        token: owner.accessToken,
        body: { subject: "Bench", body: "First", to: [{ kind: "studio" }] },
      },
      201,
    );
    console.log(`\n    seeded ${THREADS.toLocaleString("en")} threads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { ...owner, threadId: thread.id };
  })();
  return seeded;
}

export const inboxScenarios: AnyScenario[] = [
  defineScenario<SignedIn>({
    name: `GET /v1/studios/{studioId}/threads?inbox=studio (${THREADS.toLocaleString("en")} threads)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const owner = await studioOf(fixtures);
      const page = await fixtures.expectJson<{ items: unknown[]; unreadThreads: number }>(
        { path: `/v1/studios/${owner.studioId}/threads?inbox=studio&limit=25`, token: owner.accessToken },
        200,
      );
      if (page.items.length !== 25) throw new Error(`inbox: expected 25 threads on the page, got ${page.items.length}`);
      if (page.unreadThreads < UNREAD) throw new Error(`inbox: expected at least ${UNREAD} unread threads, got ${page.unreadThreads}`);
      return owner;
    },
    request: (owner) => ({ path: `/v1/studios/${owner.studioId}/threads?inbox=studio&limit=25`, token: owner.accessToken }),
  }),
  defineScenario<SignedIn>({
    name: `POST /v1/studios/{studioId}/threads/{threadId}/messages (inbox of ${THREADS.toLocaleString("en")} threads)`,
    expectStatus: 201,
    setup: (fixtures) => studioOf(fixtures),
    request: (owner) => ({
      method: "POST",
      path: `/v1/studios/${owner.studioId}/threads/${owner.threadId}/messages`,
      token: owner.accessToken,
      body: { body: "Noted, thank you." },
    }),
  }),
];
