import { randomUUID } from "node:crypto";
import { applyLocalEnv, ensureTableAndBucket, type StreamPoller } from "@studiosync/local/engines";
import { outboxConsumerFor } from "@studiosync/local/testing";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { config, dynamo } from "@studiosync/core/kernel";
import { db } from "@studiosync/core/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, type ApiResponse, ownerWithStudio } from "./support/api";
import { billingWorld, type BillingWorld, draftInvoice } from "./support/billing";
import { lessonWithParties } from "./support/lessons";
import { casesFor, createResolver, type FuzzCase, type Operation } from "./support/openapi-fuzz-cases";

// Thousands of hostile requests trip rate limits (per IP, per email): a table of this file's own
// keeps those counters away from the other test files.
// Its own table needs its own outbox consumer (sign-up's verification email).
let outbox: StreamPoller | undefined;
afterAll(() => outbox?.stop());
beforeAll(async () => {
  const env = { ...inject("localEnv"), tableName: `studiosync-fuzz-${randomUUID().slice(0, 8)}` };
  applyLocalEnv(env);
  await ensureTableAndBucket(env);
  outbox = await outboxConsumerFor(env.tableName);
});

const SEED = 20261202;
const PARALLEL = 4;
/** Mutating operations run after reads, deletes last, so real ids stay useful for longest. */
const ORDER = ["get", "post", "put", "patch", "delete"];

/** Every item the requests write in the studio's partition (most studio-owned records live there), as one string. */
async function studioFingerprint(studioId: string) {
  const pk = (db().entities.studio.get({ studioId }).params() as { Key: { pk: string } }).Key.pk;
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: config().tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": pk },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  // The usage counters are the metering stream consumer's, and an endpoint's delivery outcomes the webhooks consumer's,
  // written after earlier requests' commits, not by the request.
  const written = items
    .filter((item) => (item as { __edb_e__?: string }).__edb_e__ !== "usageMonth")
    .map((item) => {
      if (item.__edb_e__ !== "webhookEndpoint") return item;
      const { consecutiveFailures: _f, lastFailureAt: _l, lastSuccessAt: _s, updatedAt: _u, ...rest } = item;
      return rest;
    });
  return JSON.stringify(written.map((item) => JSON.stringify(item)).sort());
}

/** What is wrong with one answer, or null: no 5xx, and every error is an RFC 9457 problem. */
function defect(res: ApiResponse): string | null {
  if (res.status >= 500) return `answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`;
  if (res.status < 400) return null;
  const type = res.headers.get("Content-Type");
  if (type !== "application/problem+json") return `error ${res.status} with Content-Type ${type}`;
  const body = res.body as { type?: unknown; title?: unknown; status?: unknown };
  if (typeof body?.type !== "string" || typeof body.title !== "string" || body.status !== res.status)
    return `error ${res.status} is not a problem: ${JSON.stringify(body).slice(0, 200)}`;
  return null;
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe("issue 10 #31: every operation of the OpenAPI document, fuzzed with hostile input", () => {
  let w: BillingWorld;
  let ids: Record<string, string>;
  let operations: Operation[];
  let resolve: ReturnType<typeof createResolver>;

  beforeAll(async () => {
    w = await billingWorld();
    const other = await ownerWithStudio();
    const { lesson } = await lessonWithParties(w.owner);
    const invoice = await draftInvoice(w.owner, w.family);
    ids = {
      studioId: w.studioId,
      slug: w.owner.studio.slug,
      teacherId: w.teacher.id,
      studentId: w.students[0]!.id,
      familyId: w.familyId,
      guardianId: w.guardianId,
      accountId: w.family,
      lessonId: lesson.id,
      invoiceId: invoice.id,
      // Other ids are of nothing (or of the other studio): they must answer 404, never more.
      otherStudioId: other.studio.id,
    };
    const doc = (await api("GET", "/v1/openapi.json")).body;
    resolve = createResolver(doc);
    operations = Object.entries(doc.paths as Record<string, Record<string, object>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op: op as Record<string, any> })))
      .sort((a, b) => ORDER.indexOf(a.method.toLowerCase()) - ORDER.indexOf(b.method.toLowerCase()));
  });

  it("answers no 5xx, only RFC 9457 problems for errors, and writes nothing on a refused request", async () => {
    const defects: string[] = [];
    const partialWrites: string[] = [];
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      const pathFor = (overrides: Record<string, string>) =>
        operation.path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? ids[name] ?? "01a00000-0000-7000-8000-00000000ffff");
      const cases: FuzzCase[] = casesFor(operation, resolve, pathFor, SEED + index);
      // The other studio's id as the studio: tenant isolation holds under fuzzing too.
      if (operation.path.includes("{studioId}"))
        cases.push({ label: "other studio", method: operation.method, path: pathFor({ studioId: ids.otherStudioId! }), headers: {} });
      const before = await studioFingerprint(w.studioId);
      let accepted = 0;
      await inParallel(cases, PARALLEL, async (c) => {
        const res = await api(c.method, c.path, {
          headers: c.headers,
          ...(c.rawBody === undefined ? {} : { rawBody: c.rawBody }),
          ...(c.anonymous ? {} : { token: w.owner.accessToken }),
        });
        sent++;
        if (res.status < 400) accepted++;
        const problem = defect(res);
        if (problem) defects.push(`${operation.method} ${operation.path} [${c.label}] ${problem}`);
      });
      // Only when every case was refused can the studio be compared: then nothing may have changed.
      if (accepted === 0 && (await studioFingerprint(w.studioId)) !== before) partialWrites.push(`${operation.method} ${operation.path}`);
    }
    expect(defects).toEqual([]);
    expect(partialWrites).toEqual([]);
    expect(operations.length).toBeGreaterThan(140);
    expect(sent).toBeGreaterThan(operations.length * 8);
  }, 180_000);
});
