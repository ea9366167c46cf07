import { noticesDb } from "@studiosync/core/notifications";
import { batchPut } from "./batch-put";
import type { Fixtures, Owner, Session } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";

/**
 * The notification centre at size: a person with 2,000 entries (500 unread) written straight into
 * the table, untimed. A page of the centre with its unread count is the session read plus one
 * Query of their partition and one of the unread index (the bell's count, which GET /v1/me also reads).
 */
type SignedIn = Owner & Session;

const ENTRIES = 2_000;
const UNREAD = 500;

let seeded: Promise<SignedIn> | undefined;

function personOf(fixtures: Fixtures): Promise<SignedIn> {
  seeded ??= (async () => {
    const owner = await fixtures.signedInOwner();
    const started = performance.now();
    const base = Date.now() - ENTRIES * 3_600_000;
    const entries = Array.from({ length: ENTRIES }, (_, i) => {
      const at = new Date(base + i * 3_600_000).toISOString();
      return {
        userId: owner.userId,
        day: at.slice(0, 10),
        type: "messages" as const,
        subject: `thread:bench-${i}`,
        studioId: owner.studioId,
        studioName: "Bench Studio",
        email: owner.email,
        zone: "UTC",
        title: `New message from Bench Parent: thread ${i + 1}`,
        link: `/dashboard/studios/${owner.studioId}/messages/bench-${i}`,
        count: 1,
        lastAt: at,
        lastSource: `bench#${i}`,
        inApp: true,
        ...(i >= ENTRIES - UNREAD ? { unreadBy: owner.userId, unreadAt: at } : { readAt: at }),
      };
    });
    await batchPut(
      (items) => noticesDb().entities.notification.put(items).go({ concurrent: 16 }),
      entries,
      (e) => e.subject,
    );
    console.log(`\n    seeded ${ENTRIES.toLocaleString("en")} notifications in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return owner;
  })();
  return seeded;
}

export const notificationCentreScenarios: AnyScenario[] = [
  defineScenario<SignedIn>({
    name: `GET /v1/me/notifications (${ENTRIES.toLocaleString("en")} entries, ${UNREAD} unread)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const person = await personOf(fixtures);
      const page = await fixtures.expectJson<{ items: unknown[]; unread: number }>({ path: "/v1/me/notifications?limit=30", token: person.accessToken }, 200);
      if (page.items.length !== 30) throw new Error(`notifications: expected 30 on the page, got ${page.items.length}`);
      if (page.unread !== 100) throw new Error(`notifications: expected the unread count capped at 100, got ${page.unread}`);
      return person;
    },
    request: (person) => ({ path: "/v1/me/notifications?limit=30", token: person.accessToken }),
  }),
];
