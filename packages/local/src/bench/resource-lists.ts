import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { resourcesDb } from "@studiosync/core/resources";

import { batchPut } from "./batch-put";
import type { Fixtures, Owner, Session } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";

/**
 * The resource library and a student's "My materials" in a studio of 10,000 resources, every one
 * shared with the student (written straight into the table, untimed): the first page of each must
 * be the membership read plus one query, whatever the size of the library.
 */
type SignedIn = Owner & Session;

const RESOURCES = 10_000;

interface SeededLibrary {
  owner: SignedIn;
  student: SignedIn;
}

function libraryOf(studioId: string, studentId: string) {
  const now = new Date().toISOString();
  const resources = Array.from({ length: RESOURCES }, (_, i) => ({
    studioId,
    resourceId: `0190${String(i).padStart(4, "0")}-0000-7000-8000-${randomUUID().slice(-12)}`,
    shelf: "library",
    title: `Etude ${i + 1}`,
    instrument: i % 2 ? "piano" : "violin",
    tags: ["etude"],
    kind: "pdf" as const,
    version: 1,
    objectKey: `${studioId}/resources/${randomUUID()}.pdf`,
    fileName: `etude-${i + 1}.pdf`,
    contentType: "application/pdf",
    size: 120_000,
    totalBytes: 120_000,
    sharedWith: [`student#${studentId}`],
    createdBy: "bench",
    createdByName: "Bench Teacher",
    createdAt: now,
    updatedAt: now,
  }));
  const entries = resources.map((r, i) => ({
    studioId,
    inbox: `student#${studentId}`,
    resourceId: r.resourceId,
    sharedAt: new Date(Date.now() - (RESOURCES - i) * 60_000).toISOString(),
    title: r.title,
    kind: r.kind,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sharedByName: "Bench Teacher",
    createdAt: now,
    updatedAt: now,
  }));
  return { resources, entries };
}

let seeded: Promise<SeededLibrary> | undefined;

/** One studio shared by both scenarios: its owner, and a student member with 10,000 materials. */
function studioOf(fixtures: Fixtures): Promise<SeededLibrary> {
  seeded ??= (async () => {
    const [owner, student] = await Promise.all([fixtures.signedInOwner(), fixtures.signedInOwner()]);
    const started = performance.now();
    const studentId = randomUUID();
    await db()
      .entities.membership.create({ studioId: owner.studioId, userId: student.userId, role: "student", studentId, createdBy: "bench", updatedBy: "bench" })
      .go();
    const { resource, materialEntry } = resourcesDb().entities;
    const { resources, entries } = libraryOf(owner.studioId, studentId);
    const go = { concurrent: 16 };
    await batchPut(
      (items) => resource.put(items).go(go),
      resources,
      (k) => k.resourceId,
    );
    await batchPut(
      (items) => materialEntry.put(items).go(go),
      entries,
      (k) => k.resourceId,
    );
    console.log(`\n    seeded ${RESOURCES.toLocaleString("en")} resources and as many materials in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { owner, student };
  })();
  return seeded;
}

function listScenario(name: string, request: (s: SeededLibrary) => { path: string; token: string }) {
  return defineScenario<SeededLibrary>({
    name: `${name} (${RESOURCES.toLocaleString("en")} resources)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const studio = await studioOf(fixtures);
      const page = await fixtures.expectJson<{ items: unknown[] }>(request(studio), 200);
      if (page.items.length !== 25) throw new Error(`${name}: expected 25 items on the page, got ${page.items.length}`);
      return studio;
    },
    request,
  });
}

export const resourceListScenarios: AnyScenario[] = [
  listScenario("GET /v1/studios/{studioId}/resources", (s) => ({ path: `/v1/studios/${s.owner.studioId}/resources?limit=25`, token: s.owner.accessToken })),
  listScenario("GET /v1/studios/{studioId}/resources/mine", (s) => ({
    path: `/v1/studios/${s.owner.studioId}/resources/mine?limit=25`,
    token: s.student.accessToken,
  })),
];
