import { deleteObjects } from "../files";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { fileIdOf, liveKeyOf, TRASH_PREFIX, trashKeyOf } from "./object-keys";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";
import { utcDay } from "./recipients";

const CHUNK = 25;

async function deleteAll<K>(keys: K[], remove: (chunk: K[]) => Promise<unknown>) {
  for (let i = 0; i < keys.length; i += CHUNK) await remove(keys.slice(i, i + CHUNK));
}

/**
 * Deletes a resource for good: every version's file (under either prefix), its versions, shares,
 * file claims and materials entries, then the resource itself and its bytes off the studio's count
 * in one transaction, on condition that it is still there — so a purge run twice (or racing an
 * erasure) counts the bytes off once. Returns whether this call removed it.
 */
export async function purgeResource(record: ResourceRecord): Promise<boolean> {
  const { resourceVersion, resourceShare, resourceFile, materialEntry } = resourcesDb().entities;
  const { studioId, resourceId } = record;
  const [{ data: versions }, { data: shares }, { data: entries }] = await Promise.all([
    resourceVersion.query.version({ studioId, resourceId }).go({ pages: "all" }),
    resourceShare.query.share({ studioId, resourceId }).go({ pages: "all" }),
    materialEntry.query.recipientsOfResource({ studioId, resourceId }).go({ pages: "all" }),
  ]);
  const liveKeys = versions.map((v) => (v.objectKey.startsWith(TRASH_PREFIX) ? liveKeyOf(v.objectKey) : v.objectKey));
  await deleteObjects(liveKeys.flatMap((key) => [key, trashKeyOf(key)]));
  await deleteAll(entries, (chunk) => materialEntry.delete(chunk.map(({ inbox }) => ({ studioId, inbox, resourceId }))).go());
  await deleteAll(shares, (chunk) => resourceShare.delete(chunk.map(({ audienceKey }) => ({ studioId, resourceId, audienceKey }))).go());
  await deleteAll(liveKeys, (chunk) => resourceFile.delete(chunk.map((key) => ({ studioId, fileId: fileIdOf(key) }))).go());
  await deleteAll(versions, (chunk) => resourceVersion.delete(chunk.map(({ version }) => ({ studioId, resourceId, version }))).go());
  const outcome = await commitWritesOr(resourcesDb, (tx) => [
    rejectedAs(
      tx.resource
        .delete({ studioId, resourceId })
        .where((a, op) => op.exists(a.resourceId))
        .commit(),
      "gone",
    ),
    tx.studio.patch({ studioId }).add({ storageBytes: -record.totalBytes }).commit(),
  ]);
  return outcome === undefined;
}

export interface PurgeRun {
  purged: number;
  days: number;
}

/** How far back the job looks for purge days it may have missed (a run that did not happen). */
const LOOKBACK_DAYS = 30;

/**
 * The daily purge job: resources whose trash time is over (their `purgeDay` is today or earlier,
 * UTC), read through the sparse `resourcesToPurge` index one day at a time — no Scan — and deleted
 * for good. Safe to run twice.
 */
export async function purgeTrash({ now }: { now: Date }): Promise<PurgeRun> {
  const { resource } = resourcesDb().entities;
  const run: PurgeRun = { purged: 0, days: 0 };
  for (let back = LOOKBACK_DAYS; back >= 0; back--) {
    const purgeDay = utcDay(new Date(now.getTime() - back * 86_400_000));
    const { data } = await resource.query.resourcesToPurge({ purgeDay }).go({ pages: "all" });
    run.days++;
    for (const record of data) if (await purgeResource(record)) run.purged++;
  }
  if (run.purged > 0) console.log(JSON.stringify({ level: "info", message: "resources purged", ...run }));
  return run;
}
