import { page, type Page } from "../../kernel/pagination/pagination";
import type { Actor } from "../../policy";
import { teachingDb } from "../teaching-db";
import { loadStudentSubject } from "../student-subject";
import { toGoal, type Goal } from "./goal-view";
import type { ListGoalsQuery } from "./schemas";

/**
 * A student's goals, oldest first, for whoever may see the student: one read for the member and the
 * student, one query of the student's goal index. `status` is a filter, so a filtered page may hold
 * fewer than `limit` goals.
 */
export async function listGoals(actor: Actor, studioId: string, query: ListGoalsQuery): Promise<Page<Goal>> {
  await loadStudentSubject(actor, studioId, query.studentId);
  const byStudent = teachingDb().entities.goal.query.goalsByStudent({ studioId, studentId: query.studentId, listing: "listed" });
  const records = await page(
    { studioId, list: "goals" },
    (options) => (query.status ? byStudent.where((a, op) => op.eq(a.status, query.status!)) : byStudent).go({ ...options, pages: 1 }),
    query,
  );
  return { items: records.items.map(toGoal), nextCursor: records.nextCursor };
}
