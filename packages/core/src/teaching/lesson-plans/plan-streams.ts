import { badCursor } from "../../kernel/pagination/cursor";
import { teachingDb } from "../teaching-db";
import type { StreamPage } from "./merge-sorted";
import type { LessonPlanRecord } from "./lesson-plan-view";

/** Where a page starts: after this plan in title order. */
export interface PlanKey {
  titleKey: string;
  planId: string;
}

/** The sort key the list indexes order plans by (ElectroDB lower-cases key values). */
export const planSortKey = (p: PlanKey) => `${p.titleKey}#planid_${p.planId}`.toLowerCase();

/** Sorts after every title that starts with a prefix. */
const AFTER_PREFIX = "\u{10FFFF}";

/** The key-range part of an ElectroDB query on one of the plan indexes (sort key: titleKey, planId). */
interface RangeQuery {
  go(options: { limit: number; pages: 1 }): Promise<{ data: LessonPlanRecord[]; cursor: string | null }>;
  begins(key: Partial<PlanKey>): RangeQuery;
  gt(key: PlanKey): RangeQuery;
  between(from: PlanKey, to: Partial<PlanKey>): RangeQuery;
}

/** One index partition of listed plans: everyone's public or private ones, an author's, or an author's public ones. */
export type PlanPartition =
  | { by: "sharing"; sharing: "public" | "private" }
  | { by: "teacher"; teacherId: string }
  | { by: "teacherSharing"; teacherId: string; sharing: "public" };

function partitionQuery(studioId: string, p: PlanPartition): RangeQuery {
  const { lessonPlan } = teachingDb().entities;
  const listed = { studioId, listing: "listed" as const };
  const query =
    p.by === "sharing"
      ? lessonPlan.query.plansBySharing({ ...listed, sharing: p.sharing })
      : p.by === "teacher"
        ? lessonPlan.query.plansByTeacher({ ...listed, teacherId: p.teacherId })
        : lessonPlan.query.plansByTeacherSharing({ ...listed, teacherId: p.teacherId, sharing: p.sharing });
  return query as unknown as RangeQuery;
}

/** Up to `limit` plans of a partition in title order, after `after`, with titles starting with `prefix`. */
export async function readPartition(
  studioId: string,
  partition: PlanPartition,
  range: { limit: number; after?: PlanKey; prefix?: string },
): Promise<StreamPage<LessonPlanRecord>> {
  const query = partitionQuery(studioId, partition);
  const { after, prefix } = range;
  const ranged = after
    ? prefix
      ? query.between(after, { titleKey: prefix + AFTER_PREFIX })
      : query.gt(after)
    : prefix
      ? query.begins({ titleKey: prefix })
      : query;
  // `between` includes its lower bound: ask for one more and drop the plan the page starts after.
  const extra = after && prefix ? 1 : 0;
  const { data, cursor } = await ranged.go({ limit: range.limit + extra, pages: 1 });
  const items = after ? data.filter((p) => planSortKey(p) !== planSortKey(after)) : data;
  return { items: items.slice(0, range.limit), more: cursor !== null || items.length > range.limit };
}

/** The plan a page starts after, from an opened cursor (cursor.ts): `[titleKey, planId]`. */
export function planKeyOf(position: unknown): PlanKey {
  if (Array.isArray(position)) {
    const [titleKey, planId] = position as unknown[];
    if (typeof titleKey === "string" && typeof planId === "string" && planId.length > 0) return { titleKey, planId };
  }
  throw badCursor();
}
