import { privacyDb } from "./privacy-db";

/**
 * A student's seats in class slots and places on their waitlists carry the student's name (the
 * roster and the queue show it without reading the student): an erasure removes it, so they show
 * as "Student". The seat, its plan and its attendance stay, like a loan's. Idempotent.
 */
export async function eraseClassNames(studioId: string, studentId: string): Promise<void> {
  const { classEnrolment, waitlistEntry } = privacyDb().entities;
  const [{ data: seats }, { data: places }] = await Promise.all([
    classEnrolment.query.enrolmentsByStudent({ studioId, studentId }).go({ pages: "all" }),
    waitlistEntry.query
      .waitlistEntry({ studioId })
      .where((a, op) => op.eq(a.studentId, studentId))
      .go({ pages: "all" }),
  ]);
  await Promise.all([
    ...seats
      .filter((s) => s.studentName !== undefined)
      .map((s) => classEnrolment.patch({ studioId, slotId: s.slotId, studentId }).remove(["studentName"]).go()),
    ...places
      .filter((e) => e.studentName !== undefined)
      .map((e) => waitlistEntry.patch({ studioId, slotId: e.slotId, studentId }).remove(["studentName"]).go()),
  ]);
}
