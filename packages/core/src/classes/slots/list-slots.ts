import { page, type Page } from "../../kernel/pagination/pagination";
import { assertMay, isStudioAdmin, loadMemberWith, type Actor } from "../../policy";
import { AppError } from "../../kernel/errors";
import { classesDb } from "../classes-db";
import { toClassSlot } from "../class-views";
import type { ClassSlot } from "../class-schemas";
import type { ListClassSlotsQuery } from "../schemas";

/**
 * Class slots, one query each: a course's (by weekday and time), a teacher's, or the studio's
 * (admins). A teacher sees only their own slots (their list, whatever they ask for); families none.
 */
export async function listClassSlots(actor: Actor, studioId: string, query: ListClassSlotsQuery): Promise<Page<ClassSlot>> {
  const { member } = await loadMemberWith(actor, studioId);
  const { classSlot } = classesDb().entities;
  const admin = isStudioAdmin(member);
  if (!admin && member.role !== "teacher") throw new AppError("class.admins_only", `Your role (${member.role}) does not see the studio's class slots`);
  const teacherId = admin ? query.teacherId : member.teacherId!;
  if (teacherId) assertMay(member, "class-slot.view", { teacherId });
  const params = { ...(query.courseId ? { courseId: query.courseId } : {}), ...(teacherId ? { teacherId } : {}) };
  const records = await page(
    { studioId, list: "class-slots", params },
    (options) =>
      teacherId
        ? classSlot.query.slotsByTeacher({ studioId, teacherId }).go({ ...options, pages: 1 })
        : query.courseId
          ? classSlot.query.slotsByCourse({ studioId, courseId: query.courseId }).go({ ...options, pages: 1 })
          : classSlot.query.classSlot({ studioId }).go({ ...options, pages: 1 }),
    query,
    (items) => (teacherId && query.courseId ? items.filter((s) => s.courseId === query.courseId) : items),
  );
  return { items: records.items.map(toClassSlot), nextCursor: records.nextCursor };
}
