import { openCursor, sealCursor } from "../../kernel/pagination/cursor";
import { listScope, type Page } from "../../kernel/pagination/pagination";
import { assertMay, isStudioAdmin, loadStudioMember, type Actor, type StudioMember } from "../../policy";
import { planAuthorOf } from "./lesson-plan-access";
import { toLessonPlan, titleKeyOf, type LessonPlan } from "./lesson-plan-view";
import { mergeSorted } from "./merge-sorted";
import { planKeyOf, planSortKey, readPartition, type PlanPartition } from "./plan-streams";
import type { ListLessonPlansQuery } from "./schemas";

/**
 * The plans a member may use, by title (admins and teachers; students and parents 403). Admins:
 * all plans, or one author's. Teachers: their own and every public plan, or only their own
 * (`mine`), or a colleague's public ones (`teacherId`). `q` matches a title prefix. Each page is
 * one index query per partition (at most two, merged in title order), so it costs the same in a
 * small and a large studio.
 */
export async function listLessonPlans(actor: Actor, studioId: string, query: ListLessonPlansQuery): Promise<Page<LessonPlan>> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "lesson-plan.use");

  const partitions = partitionsFor(member, query);
  // The cursor (sealed, cursor.ts) is bound to the partitions read, so it is the member's own view.
  const list = listScope({ studioId, list: "lesson-plans", params: { partitions: JSON.stringify(partitions) } }, query);
  const after = query.cursor ? planKeyOf(openCursor(list, query.cursor)) : undefined;
  const prefix = query.q ? titleKeyOf(query.q) : undefined;
  const pages = await Promise.all(partitions.map((p) => readPartition(studioId, p, { limit: query.limit, after, prefix })));
  const { items, hasMore } = mergeSorted(pages, planSortKey, query.limit);
  const last = items[items.length - 1];
  return { items: items.map(toLessonPlan), nextCursor: hasMore && last ? sealCursor(list, [last.titleKey, last.planId]) : null };
}

function partitionsFor(member: StudioMember, query: ListLessonPlansQuery): PlanPartition[] {
  const own = planAuthorOf(member);
  const teacherId = query.mine ? own : query.teacherId;
  if (query.mine && !own) return [];
  if (teacherId) {
    const sees = isStudioAdmin(member) || teacherId === own;
    return [sees ? { by: "teacher", teacherId } : { by: "teacherSharing", teacherId, sharing: "public" }];
  }
  if (isStudioAdmin(member))
    return [
      { by: "sharing", sharing: "public" },
      { by: "sharing", sharing: "private" },
    ];
  return [{ by: "sharing", sharing: "public" }, ...(own ? [{ by: "teacher" as const, teacherId: own }] : [])];
}
