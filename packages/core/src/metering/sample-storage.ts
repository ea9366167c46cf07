import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { localParts } from "../kernel/time/wall-clock";
import { meteringDb } from "./metering-db";
import { recordUsage } from "./record-usage";
import { shiftMonth, type Month } from "./usage-month-of";
import type { UsageMonthRecord } from "./usage-month.entity";

/** The studios metered in `month`, by id, with that month's record. */
async function meteredIn(month: Month): Promise<Map<string, UsageMonthRecord>> {
  const { data } = await meteringDb().entities.usageMonth.query.usageByMonth({ month }).go({ pages: "all" });
  return new Map(data.map((record) => [record.studioId, record]));
}

/**
 * The storage samples (the hourly MeterStorage job): each studio metered this month or last (a
 * studio carries over into each new month by its first sample) is sampled once a local day, the
 * first run after its midnight, at its exact stored bytes (the resource library's count on the
 * studio). A day's sample is a usage mark keyed by the local date, so a second run that day, or a
 * run racing this one, adds nothing. Studios already sampled today are skipped without a write.
 */
export async function sampleStorage(now: Date): Promise<{ sampled: number }> {
  const utcMonth = now.toISOString().slice(0, 7);
  // A zone's local month may be the UTC month's neighbour at either end.
  const months = [shiftMonth(utcMonth, -1), utcMonth, shiftMonth(utcMonth, 1)];
  const listed = await Promise.all(months.map(meteredIn));
  const studioIds = [...new Set(listed.flatMap((records) => [...records.keys()]))];
  const studios = await readMany(studioIds.map((studioId) => itemOf(meteringDb().entities.studio, { studioId })));
  let sampled = 0;
  for (const studio of studios) {
    if (!studio || studio.deletedAt) continue;
    const today = localParts(now, studio.timeZone).date;
    const month = today.slice(0, 7);
    const current = listed[months.indexOf(month)]?.get(studio.studioId);
    if (current?.storageSampledOn === today) continue;
    const bytes = studio.storageBytes ?? 0;
    if (await recordUsage({ studioId: studio.studioId, month, metric: "storage", key: today, amount: bytes, at: now.toISOString() })) sampled++;
  }
  return { sampled };
}
