import type { GuardianRecord } from "../people/module";
import { scheduleDb } from "./schedule-db";

/**
 * The current (not deleted) guardians of each family, one query per family in parallel: whom a
 * lesson's emails (reminders, cancellations, closures, reschedule decisions) reach besides the student.
 */
export async function guardiansOfFamilies(studioId: string, familyIds: Iterable<string | undefined>): Promise<Map<string, GuardianRecord[]>> {
  const ids = [...new Set([...familyIds].filter((id): id is string => Boolean(id)))];
  const { guardian } = scheduleDb().entities;
  const lists = await Promise.all(
    ids.map((familyId) =>
      guardian.query
        .guardian({ studioId, familyId })
        .where((a, op) => op.notExists(a.deletedAt))
        .go({ pages: "all" })
        .then(({ data }) => data),
    ),
  );
  return new Map(ids.map((id, i) => [id, lists[i]!]));
}
