import { itemOf } from "../../kernel/db/read-together";
import { invalidField } from "../../kernel/errors";
import { page, type Page } from "../../kernel/pagination/pagination";
import { may, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import { scheduleDb } from "../schedule-db";
import { localParts } from "../../kernel/time/wall-clock";
import { toMakeupCredit, type MakeupCredit } from "./credit-view";
import type { ListMakeupCreditsQuery } from "./schemas";

type Ops = { eq: (a: never, v: unknown) => string; lt: (a: never, v: unknown) => string; gte: (a: never, v: unknown) => string };
type Attrs = { status: never; expiresOn: never };

/** The filter for a status as it reads today (an available credit past its date reads expired). */
function statusFilter(status: ListMakeupCreditsQuery["status"], today: string) {
  return (a: Attrs, op: Ops) => {
    switch (status) {
      case undefined:
        return "";
      case "available":
        return `${op.eq(a.status, "available")} AND ${op.gte(a.expiresOn, today)}`;
      case "expired":
        return `(${op.eq(a.status, "expired")} OR (${op.eq(a.status, "available")} AND ${op.lt(a.expiresOn, today)}))`;
      default:
        return op.eq(a.status, status);
    }
  };
}

/**
 * One student's make-up credits, newest first (admins, the student's teacher, the student, their
 * parents; a student's own by default). One query of `creditsByStudent`; `status` is a filter, so a
 * page may hold fewer than `limit`. Available credits past their expiry date read as expired.
 */
export async function listMakeupCredits(actor: Actor, studioId: string, query: ListMakeupCreditsQuery): Promise<Page<MakeupCredit>> {
  const { student: students, makeupCredit } = scheduleDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(students, { studioId, studentId: query.studentId ?? "-" }));
  let studentId = query.studentId;
  if (studentId) {
    const student = records[0];
    if (!student || student.deletedAt || !may(member, "student.view", student)) throw hiddenRecord("Student");
  } else if (member.role === "student" && member.studentId) studentId = member.studentId;
  else throw invalidField("studentId", "is required: the student whose credits to list");

  const today = localParts(new Date(), studio.timeZone).date;
  const result = await page(
    { studioId, list: "makeup-credits", params: { studentId } },
    (options) =>
      makeupCredit.query
        .creditsByStudent({ studioId, studentId: studentId! })
        .where(statusFilter(query.status, today) as never)
        .go({ ...options, pages: 1, order: "desc" }),
    query,
  );
  return { items: result.items.map((r) => toMakeupCredit(r, today)), nextCursor: result.nextCursor };
}
