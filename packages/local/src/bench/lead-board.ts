import { randomUUID } from "node:crypto";
import { leadsDb, newLeadRecord } from "@studiosync/core/leads";

import { batchPut } from "./batch-put";
import type { Fixtures, Owner, Session } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";

/**
 * The leads board in a studio of 5,000 leads across the six stages (written straight into the
 * table with their board counts, untimed): each page must be the membership-and-stages read plus
 * one query of the board index, whatever the number of leads.
 */
type SignedIn = Owner & Session;

const LEADS = 5_000;
const STAGES = ["new", "contacted", "trial_booked", "trial_done", "enrolled", "lost"] as const;

let seeded: Promise<SignedIn> | undefined;

function studioOf(fixtures: Fixtures): Promise<SignedIn> {
  seeded ??= (async () => {
    const owner = await fixtures.signedInOwner();
    const started = performance.now();
    const now = new Date().toISOString();
    const leads = Array.from({ length: LEADS }, (_, i) => {
      const stage = STAGES[i % STAGES.length]!;
      const record = newLeadRecord(
        owner.studioId,
        {
          source: i % 3 ? "enquiry" : "walk_in",
          studentFirstName: `Student ${i + 1}`,
          studentLastName: "Bench",
          contactEmail: `bench-${randomUUID().slice(0, 8)}@example.test`,
        },
        stage,
        "bench",
        now,
      );
      return stage === "lost" ? { ...record, lostReason: "Chose another school" } : record;
    });
    const { lead, leadStages } = leadsDb().entities;
    await batchPut(
      (items) => lead.put(items).go({ concurrent: 16 }),
      leads,
      (k) => k.leadId,
    );
    const counts = Object.fromEntries(STAGES.map((stage) => [`n_${stage}`, leads.filter((l) => l.stage === stage).length]));
    await leadStages.put({ studioId: owner.studioId, ...counts }).go();
    console.log(`\n    seeded ${LEADS.toLocaleString("en")} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return owner;
  })();
  return seeded;
}

export const leadBoardScenarios: AnyScenario[] = [
  defineScenario<SignedIn>({
    name: `GET /v1/studios/{studioId}/leads/board (${LEADS.toLocaleString("en")} leads)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const owner = await studioOf(fixtures);
      const board = await fixtures.expectJson<{ items: unknown[]; stages: { count: number }[] }>(
        { path: `/v1/studios/${owner.studioId}/leads/board?limit=100`, token: owner.accessToken },
        200,
      );
      if (board.items.length !== 100) throw new Error(`leads board: expected 100 leads on the page, got ${board.items.length}`);
      const total = board.stages.reduce((sum, s) => sum + s.count, 0);
      if (total !== LEADS) throw new Error(`leads board: expected the counts to add up to ${LEADS}, got ${total}`);
      return owner;
    },
    request: (owner) => ({ path: `/v1/studios/${owner.studioId}/leads/board?limit=100`, token: owner.accessToken }),
  }),
];
