import { itemOf } from "../../kernel/db/read-together";
import { page, type Page } from "../../kernel/pagination/pagination";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { classesDb } from "../classes-db";
import { toCourse } from "../class-views";
import type { Course } from "../class-schemas";
import type { ListCoursesQuery } from "../schemas";

/** The studio's courses, oldest first (every member: families choose from them). */
export async function listCourses(actor: Actor, studioId: string, query: ListCoursesQuery): Promise<Page<Course>> {
  const { member } = await loadMemberWith(actor, studioId);
  assertMay(member, "course.view");
  const { course } = classesDb().entities;
  const records = await page({ studioId, list: "courses", params: {} }, (options) => course.query.course({ studioId }).go({ ...options, pages: 1 }), query);
  return { items: records.items.map(toCourse), nextCursor: records.nextCursor };
}

/** One course (every member). */
export async function getCourse(actor: Actor, studioId: string, courseId: string): Promise<Course> {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(classesDb().entities.course, { studioId, courseId }));
  const [course] = records;
  if (!course) throw hiddenRecord("Course");
  assertMay(member, "course.view");
  return toCourse(course);
}
