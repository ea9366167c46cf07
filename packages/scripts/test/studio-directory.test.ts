import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { db } from "@studiosync/core/db";
import { config, dynamo, resetConfig } from "@studiosync/core/kernel";
import { ensureTableAndBucket } from "@studiosync/local/engines";
import { MIGRATIONS } from "@studiosync/scripts";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * 0002-studio-directory on studios as code before the operators' directory wrote them: studio
 * items without `directoryName` and the `studioDirectory` keys (gsi2), written raw. This file runs
 * on its own table.
 */
const at = "2026-01-05T09:00:00.000Z";
const studioAt = (slug: string) => ({
  studioId: randomUUID(),
  name: `Studio ${slug}`,
  slug,
  timeZone: "Europe/Berlin",
  currency: "EUR",
  isActive: true,
  createdAt: at,
  updatedAt: at,
});

/** Writes a studio raw, as older code did: without the directory's keys (`old`), or as new code does. */
async function putStudio(studio: ReturnType<typeof studioAt>, old: boolean) {
  const item = { ...(db().entities.studio.put(studio).params() as { Item: Record<string, unknown> }).Item };
  if (old) {
    delete item.directoryName;
    delete item.gsi2pk;
    delete item.gsi2sk;
  }
  await dynamo().send(new PutCommand({ TableName: config().tableName, Item: item }));
  return item;
}

const stored = async (item: Record<string, unknown>) =>
  (await dynamo().send(new GetCommand({ TableName: config().tableName, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }))).Item;
const directory = async () => (await db().entities.studio.query.studioDirectory({}).go({ pages: "all" })).data.map((s) => s.slug);

const migration = MIGRATIONS.find((m) => m.id === "0002-studio-directory")!;
const run = () => migration.run({ tableName: config().tableName, client: dynamo(), now: new Date(), log: () => {} });
const items: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  process.env.TABLE_NAME = `migration-0002-test-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTableAndBucket({ tableName: process.env.TABLE_NAME, bucketName: process.env.BUCKET_NAME! });
  items.oldA = await putStudio(studioAt("alder-strings"), true);
  items.oldB = await putStudio(studioAt("birch-piano"), true);
  items.newC = await putStudio(studioAt("cedar-voice"), false);
});

describe("0002-studio-directory", () => {
  it("adds the studios made before the directory to it, keeping every other field", async () => {
    expect(await directory()).toEqual(["cedar-voice"]);
    expect(await run()).toBe("2 studio(s) added to the directory");
    expect(await directory()).toEqual(["alder-strings", "birch-piano", "cedar-voice"]);
    const after = await stored(items.oldA!);
    // Every other field as it was (its updatedAt too).
    expect(after).toEqual({ ...items.oldA, directoryName: "studio alder strings", gsi2pk: expect.any(String), gsi2sk: expect.any(String) });
    // The keys are the ones ElectroDB writes with a new studio.
    expect(after?.gsi2pk).toBe(items.newC!.gsi2pk);
    expect(await stored(items.newC!)).toEqual(items.newC);
    // The start of its name finds it, as the operators' search does.
    const { data } = await db().entities.studio.query.studioDirectory({}).begins({ directoryName: "studio bir" }).go();
    expect(data.map((s) => s.slug)).toEqual(["birch-piano"]);
  });

  it("is idempotent: run again, it changes nothing", async () => {
    expect(await run()).toBe("0 studio(s) added to the directory");
    expect(await directory()).toEqual(["alder-strings", "birch-piano", "cedar-voice"]);
  });
});
