import { AppError } from "../../errors";
import type { Page } from "../../pagination";
import { isStudioAdmin, loadStudioMember, type Actor, type StudioMember } from "../../policy";
import { planAuthorOf, usesLessonPlans } from "../teaching-permissions";
import { toLessonPlan, titleKeyOf, type LessonPlan } from "./lesson-plan-view";
import { mergeSorted } from "./merge-sorted";
import { decodePlanCursor, encodePlanCursor, planSortKey, readPartition, type PlanPartition } from "./plan-streams";
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
  if (!usesLessonPlans(member)) throw new AppError("forbidden", `Your role (${member.role}) may not use lesson plans in this studio`);

  const partitions = partitionsFor(member, query);
  const after = query.cursor ? decodePlanCursor(query.cursor) : undefined;
  const prefix = query.q ? titleKeyOf(query.q) : undefined;
  const pages = await Promise.all(partitions.map((p) => readPartition(studioId, p, { limit: query.limit, after, prefix })));
  const { items, hasMore } = mergeSorted(pages, planSortKey, query.limit);
  const last = items[items.length - 1];
  return { items: items.map(toLessonPlan), nextCursor: hasMore && last ? encodePlanCursor(last) : null };
}

function partitionsFor(member: StudioMember, query: ListLessonPlansQuery): PlanPartition[] {
  const own = planAuthorOf(member);
  const teacherId = query.mine ? own : query.teacherId;
  if (query.mine && !own) return [];
  if (teacherId) {
    const sees = isStudioAdmin(member) || teacherId === own;
    return [sees ? { by: "teacher", teacherId } : { by: "teacherSharing", teacherId, sharing: "public" }];
  }
  if (isStudioAdmin(member)) return [{ by: "sharing", sharing: "public" }, { by: "sharing", sharing: "private" }];
  return [{ by: "sharing", sharing: "public" }, ...(own ? [{ by: "teacher" as const, teacherId: own }] : [])];
}
