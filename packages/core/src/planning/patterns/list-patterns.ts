import { AppError } from "../../kernel/errors";
import { noNames, readNames, type RecordNames } from "../../people";
import { page, type Page } from "../../kernel/pagination/pagination";
import { isStudioAdmin, loadStudioMember, type Actor } from "../../policy";
import { familyStudentIdsOf } from "../../scheduling";
import { planningDb } from "../planning-db";
import { toPattern, type Pattern, type PatternRecord } from "./pattern-view";
import type { ListPatternsQuery } from "./schemas";

type Op = { eq: (a: never, v: unknown) => string; contains: (a: never, v: unknown) => string };
type Attrs = { isActive: never; studentIds: never };

/**
 * The patterns a member may see, one page: admins all (newest first by id, or a teacher's by start
 * date with `teacherId`), teachers their own (the teacher index), students theirs and parents
 * their children's (the studio's patterns filtered on who attends, so a page may hold fewer than
 * `limit`). `studentId` and `active` are filters. `names`: the page's students, teachers and bands
 * by id, in one batch read.
 */
export async function listPatterns(actor: Actor, studioId: string, query: ListPatternsQuery): Promise<Page<Pattern> & { names: RecordNames }> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  let teacherId = query.teacherId;
  let attendees = query.studentId ? [query.studentId] : undefined;
  if (!isStudioAdmin(member)) {
    if (member.role === "teacher") {
      if (teacherId && teacherId !== member.teacherId) {
        throw new AppError("pattern.not_yours", "Teachers list only their own patterns", {
          errors: [{ path: "teacherId", message: "must be your own teacher id" }],
        });
      }
      if (!member.teacherId) return { items: [], nextCursor: null, names: noNames() };
      teacherId = member.teacherId;
    } else {
      const own = member.role === "student" ? (member.studentId ? [member.studentId] : []) : await familyStudentIdsOf(studioId, member);
      if (query.studentId && !own.includes(query.studentId)) {
        throw new AppError("pattern.not_yours", "You may list only your own (or your children's) patterns", {
          errors: [{ path: "studentId", message: "must be yourself or your child" }],
        });
      }
      if (own.length === 0) return { items: [], nextCursor: null, names: noNames() };
      attendees = attendees ?? own;
    }
  }

  const filter = (a: Attrs, op: Op) =>
    [
      query.active === undefined ? "" : op.eq(a.isActive, query.active),
      attendees ? `(${attendees.map((id) => op.contains(a.studentIds, id)).join(" OR ")})` : "",
    ]
      .filter(Boolean)
      .join(" AND ");
  const { recurringPattern } = planningDb().entities;
  const list = { studioId, list: "patterns", params: { teacherId, attendees: attendees?.join(",") } };
  const records = await page<PatternRecord>(
    list,
    (options) => {
      const go = { ...options, pages: 1 as const, order: "desc" as const };
      return teacherId
        ? recurringPattern.query
            .patternsByTeacher({ studioId, teacherId })
            .where(filter as never)
            .go(go)
        : recurringPattern.query
            .pattern({ studioId })
            .where(filter as never)
            .go(go);
    },
    query,
  );
  const names = await readNames(studioId, {
    students: records.items.flatMap((r) => r.studentIds),
    teachers: records.items.map((r) => r.teacherId),
    bands: records.items.flatMap((r) => (r.bandId ? [r.bandId] : [])),
  });
  return { items: records.items.map((r) => toPattern(r, studio.timeZone)), nextCursor: records.nextCursor, names };
}
