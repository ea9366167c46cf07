import { AppError } from "../../kernel/errors";
import { noNames, readNames, type RecordNames } from "../../people";
import { page, type Page, type PageOptions } from "../../kernel/pagination/pagination";
import { isStudioAdmin, loadMemberWith, type Actor } from "../../policy";
import { familyStudentIdsOf } from "../lessons/lesson-access";
import { scheduleDb } from "../schedule-db";
import { pagesInTurn } from "./pages-in-turn";
import { toRescheduleRequest, type RescheduleRequest, type RescheduleRequestRecord } from "./request-view";
import type { ListRescheduleRequestsQuery } from "./schemas";

/**
 * Reschedule requests, newest first. Admins: the inbox of one status (default pending), or one
 * student's requests with `studentId`; teachers: the requests for their lessons; students: their
 * own; parents: their children's (one child's with `studentId`, else each child's in turn).
 * `status` filters the others' lists, so a filtered page may hold fewer than `limit`. `names`: the
 * page's students and teachers by id, in one batch read.
 */
export async function listRescheduleRequests(
  actor: Actor,
  studioId: string,
  query: ListRescheduleRequestsQuery,
): Promise<Page<RescheduleRequest> & { names: RecordNames }> {
  const { member, studio } = await loadMemberWith(actor, studioId);
  const { rescheduleRequest } = scheduleDb().entities;
  const byStatus = (a: { status: never }, op: { eq: (attr: never, v: unknown) => string }) => (query.status ? op.eq(a.status, query.status) : "");
  // Each member reads their own view of the requests: a cursor is theirs alone.
  const list = { studioId, list: "reschedule-requests", params: { reader: actor.userId } };
  const go = (options: PageOptions) => ({ ...options, pages: 1 as const, order: "desc" as const });
  const ofStudent = (studentId: string) => (options: PageOptions) =>
    rescheduleRequest.query
      .requestsByStudent({ studioId, studentId })
      .where(byStatus as never)
      .go(go(options));
  const refuse = () =>
    new AppError("reschedule.not_yours", "You may list only your own reschedule requests", { errors: [{ path: "studentId", message: "is not yours to see" }] });

  let result: Page<RescheduleRequestRecord>;
  if (isStudioAdmin(member)) {
    result = query.studentId
      ? await page(list, ofStudent(query.studentId), query)
      : await page(list, (o) => rescheduleRequest.query.requestsByStatus({ studioId, status: query.status ?? "pending" }).go(go(o)), query);
  } else if (member.role === "teacher") {
    if (!member.teacherId) return { items: [], nextCursor: null, names: noNames() };
    const teacherId = member.teacherId;
    const byStudent = (a: { studentId: never }, op: { eq: (attr: never, v: unknown) => string }) =>
      query.studentId ? op.eq(a.studentId, query.studentId) : "";
    result = await page(
      list,
      (o) =>
        rescheduleRequest.query
          .requestsByTeacher({ studioId, teacherId })
          .where(byStatus as never)
          .where(byStudent as never)
          .go(go(o)),
      query,
    );
  } else if (member.role === "student") {
    if (query.studentId && query.studentId !== member.studentId) throw refuse();
    result = member.studentId ? await page(list, ofStudent(member.studentId), query) : { items: [], nextCursor: null };
  } else {
    const children = await familyStudentIdsOf(studioId, member);
    if (query.studentId && !children.includes(query.studentId)) throw refuse();
    result = await pagesInTurn(list, (query.studentId ? [query.studentId] : children).map(ofStudent), query);
  }
  const names = await readNames(studioId, { students: result.items.map((r) => r.studentId), teachers: result.items.map((r) => r.teacherId) });
  return { items: result.items.map((r) => toRescheduleRequest(r, studio.timeZone)), nextCursor: result.nextCursor, names };
}
