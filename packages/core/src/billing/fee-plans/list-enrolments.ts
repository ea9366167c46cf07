import { itemOf, readTogether } from "../../db/read-together";
import { page, type Page } from "../../pagination";
import { isStudioAdmin, mayReadStudent, type Actor } from "../../policy";
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
  const result = await page(
    (options) => billingDb().entities.feePlanEnrolment.query.enrolmentsByPlan({ studioId, feePlanId }).go({ ...options, pages: 1 }),
    query,
  );
  let items: FeePlanEnrolmentRecord[] = result.items;
  if (!isStudioAdmin(member) && items.length > 0) {
    const { student } = billingDb().entities;
    const students = await readTogether(...items.map((e) => itemOf(student, { studioId, studentId: e.studentId })));
    items = items.filter((_, i) => {
      const s = students[i];
      return s && !s.deletedAt && mayReadStudent(member, s);
    });
  }
  return { items: items.map(toEnrolment), nextCursor: result.nextCursor };
}
