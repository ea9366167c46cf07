import { itemOf } from "../kernel/db/read-together";
import { readMany } from "../kernel/db/read-many";
import { page, type PageQuery } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { meteringDb } from "./metering-db";
import type { UsageMetric } from "./usage-mark.entity";
import type { Month } from "./usage-month-of";

export interface UsageMarkView {
  /** The usage event's id in its metric: the student, the lesson, the message, the local date sampled. */
  key: string;
  /** What it was: the student's name as it is now, the lesson's title, the email's kind ("lesson-reminder"), the day. */
  label: string;
  at: string;
  /** 1, or the bytes a storage sample found. */
  amount: number;
}

const studentName = (student: { firstName: string; lastName?: string } | null) =>
  student ? `${student.firstName} ${student.lastName ?? ""}`.trim() : "A student no longer on record";

/**
 * The usage events behind a month's counter, in key order (owners and admins): which students
 * counted as active (named as they are now), the lessons held, the emails sent, the storage
 * samples. One read for the member, one Query a page, and for students one BatchGetItem.
 */
export async function listUsageMarks(actor: Actor, studioId: string, month: Month, metric: UsageMetric, query: PageQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "usage.view");
  const marks = await page(
    { studioId, list: "usage-marks", params: { month, metric } },
    (options) =>
      meteringDb()
        .entities.usageMark.query.usageMark({ studioId, month, metric })
        .go({ ...options, pages: 1 }),
    query,
  );
  const students =
    metric === "activeStudents" && marks.items.length > 0
      ? await readMany(marks.items.map((mark) => itemOf(meteringDb().entities.student, { studioId, studentId: mark.key })))
      : [];
  const items: UsageMarkView[] = marks.items.map((mark, index) => ({
    key: mark.key,
    label: metric === "activeStudents" ? studentName(students[index] ?? null) : metric === "storage" ? mark.key : (mark.label ?? mark.key),
    at: mark.at,
    amount: mark.amount,
  }));
  return { items, nextCursor: marks.nextCursor };
}
