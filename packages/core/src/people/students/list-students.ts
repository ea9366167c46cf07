import { db } from "../../db";
import { AppError } from "../../kernel/errors";
import { page, type Page } from "../../kernel/pagination/pagination";
import { may, isStudioAdmin, loadStudioMember, type Actor, type StudioMember } from "../../policy";
import { listingFor, withDeletedAt } from "../deleted-listing";
import type { Listing } from "../../kernel/db/attributes";
import { searchKeys } from "../person-fields";
import { readStudents } from "../student-summaries";
import type { ListStudentsQuery } from "./schemas";
import { studentFacts, toStudent, type Student, type StudentRecord } from "./student-view";

/**
 * The students a member may see, by name. Admins: one query of the name index (or the teacher
 * index for `teacherId`, the email index for `q` with "@"), so a page costs the same in a small
 * and a large studio; teachers: their own students, through the teacher index; students
 * themselves and parents their children: read by key (a family has few children), one page.
 * `active` and `instrument` are filters, so a filtered page may hold fewer than `limit` items.
 * `deleted` (admins only) lists the deleted students instead, from the same indexes.
 */
export async function listStudents(actor: Actor, studioId: string, query: ListStudentsQuery): Promise<Page<Student>> {
  const { member } = await loadStudioMember(actor, studioId);
  return studentsFor(member, studioId, query);
}

/** listStudents for a member already read (an aggregate read's one membership read). */
export async function studentsFor(member: StudioMember, studioId: string, query: ListStudentsQuery): Promise<Page<Student>> {
  const listing = listingFor(member, query.deleted);
  let records: Page<StudentRecord>;
  if (isStudioAdmin(member)) records = await queryStudents(studioId, query, listing);
  else if (member.role === "teacher") {
    if (query.teacherId && query.teacherId !== member.teacherId) {
      throw new AppError("student.not_yours", "Teachers list only their own students", {
        errors: [{ path: "teacherId", message: "must be your own teacher id" }],
      });
    }
    records = member.teacherId ? await queryStudents(studioId, { ...query, teacherId: member.teacherId }, listing) : { items: [], nextCursor: null };
  } else records = { items: filterInMemory(await ownStudents(studioId, member), query), nextCursor: null };

  return {
    items: records.items.map((r) => withDeletedAt(toStudent(r, { staffOnly: may(member, "student.edit", studentFacts(r)) }), r, listing)),
    nextCursor: records.nextCursor,
  };
}

function queryStudents(studioId: string, query: ListStudentsQuery, listing: Listing) {
  const { student } = db().entities;
  const { active, instrument, teacherId, q } = query;
  const listed = { studioId, listing };
  const filters =
    (byEmail: boolean) => (a: { isActive: never; instrument: never; primaryTeacherId: never }, op: { eq: (attr: never, value: unknown) => string }) =>
      [
        active === undefined ? "" : op.eq(a.isActive, active),
        instrument === undefined ? "" : op.eq(a.instrument, instrument),
        byEmail && teacherId ? op.eq(a.primaryTeacherId, teacherId) : "",
      ]
        .filter(Boolean)
        .join(" AND ");

  return page(
    { studioId, list: "students" },
    (options) => {
      const go = { ...options, pages: 1 as const };
      if (q?.includes("@")) {
        return student.query
          .studentsByEmail(listed)
          .begins({ emailKey: q.toLowerCase() })
          .where(filters(true) as never)
          .go(go);
      }
      const nameKey = q ? searchKeys(q).nameKey : undefined;
      if (teacherId) {
        const byTeacher = student.query.studentsByTeacher({ ...listed, primaryTeacherId: teacherId });
        return (nameKey ? byTeacher.begins({ nameKey }) : byTeacher).where(filters(false) as never).go(go);
      }
      const byName = student.query.studentsByName(listed);
      return (nameKey ? byName.begins({ nameKey }) : byName).where(filters(false) as never).go(go);
    },
    query,
  );
}

/** A student's own record, or a parent's children (through the family's `studentIds`). */
async function ownStudents(studioId: string, member: StudioMember): Promise<StudentRecord[]> {
  let ids: string[] = [];
  if (member.role === "student" && member.studentId) ids = [member.studentId];
  if (member.role === "parent" && member.familyId) {
    const { data: family } = await db().entities.family.get({ studioId, familyId: member.familyId }).go();
    if (family && !family.deletedAt) ids = family.studentIds ?? [];
  }
  const students = await readStudents(studioId, ids);
  return students.filter((s) => may(member, "student.view", studentFacts(s)));
}

function filterInMemory(records: StudentRecord[], query: ListStudentsQuery) {
  const q = query.q?.includes("@") ? query.q.toLowerCase() : undefined;
  const nameKey = query.q && !q ? searchKeys(query.q).nameKey : undefined;
  return records
    .filter(
      (r) =>
        (query.active === undefined || (r.isActive !== false) === query.active) &&
        (query.instrument === undefined || r.instrument === query.instrument) &&
        (query.teacherId === undefined || r.primaryTeacherId === query.teacherId) &&
        (q === undefined || r.emailKey.startsWith(q)) &&
        (nameKey === undefined || r.nameKey.startsWith(nameKey)),
    )
    .slice(0, query.limit);
}
