import { itemOf, readTogether } from "../../kernel/db/read-together";
import { page, type Page } from "../../kernel/pagination/pagination";
import { may, isStudioAdmin, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { loadFeePlan } from "./fee-plan-access";
import { toEnrolment, type FeePlanEnrolment, type FeePlanEnrolmentRecord } from "./fee-plan-view";
import type { ListEnrolmentsQuery } from "./schemas";

/**
 * The students on a fee plan, by student id, one page at a time (one query of the
 * enrolments-by-plan index). Admins see every enrolment; others only those of students they may
 * see (a teacher's own students, a parent's children, a student themself), read in one BatchGet
 * per page.
 */
export async function listEnrolments(actor: Actor, studioId: string, feePlanId: string, query: ListEnrolmentsQuery): Promise<Page<FeePlanEnrolment>> {
  const { member } = await loadFeePlan(actor, studioId, feePlanId);
  const visible = async (items: FeePlanEnrolmentRecord[]) => {
    if (isStudioAdmin(member) || items.length === 0) return items;
    const { student } = billingDb().entities;
    const students = await readTogether(...items.map((e) => itemOf(student, { studioId, studentId: e.studentId })));
    return items.filter((_, i) => {
      const s = students[i];
      return s && !s.deletedAt && may(member, "student.view", s);
    });
  };
  const result = await page(
    { studioId, list: "fee-plan-enrolments", params: { feePlanId } },
    (options) =>
      billingDb()
        .entities.feePlanEnrolment.query.enrolmentsByPlan({ studioId, feePlanId })
        .go({ ...options, pages: 1 }),
    query,
    visible,
  );
  return { items: result.items.map(toEnrolment), nextCursor: result.nextCursor };
}
