import { logFailure } from "../../accounts/log-failure";
import { config } from "../../config";
import { itemOf, readTogether } from "../../db/read-together";
import { sendEmail } from "../../email/ses";
import { rescheduleRequestedMessage } from "../../email/templates/reschedule-requested";
import { rescheduleReviewedMessage } from "../../email/templates/reschedule-reviewed";
import type { StudioRecord } from "../../studios/studio-view";
import { scheduleDb } from "../schedule-db";
import { familyEmails, staffEmails, uniqueEmails } from "./reschedule-recipients";
import type { RescheduleRequestRecord } from "./request-view";

const dashboard = () => `${config().webUrl}/dashboard`;
const fullName = (p: { firstName: string; lastName: string } | null | undefined) => (p ? `${p.firstName} ${p.lastName}` : "A student");

async function sendAll(what: string, to: string[], render: () => ReturnType<typeof rescheduleRequestedMessage>) {
  const email = render();
  await Promise.all(to.map((address) => sendEmail(address, email).catch((error) => logFailure(what, error))));
}

/** Tells the lesson's teacher (when their record has an email) and the studio's owners and admins that a move was asked for. */
export async function noticeRequested(studio: StudioRecord, request: RescheduleRequestRecord) {
  const { student, teacher } = scheduleDb().entities;
  const [s, t] = await readTogether(
    itemOf(student, { studioId: studio.studioId, studentId: request.studentId }),
    itemOf(teacher, { studioId: studio.studioId, teacherId: request.teacherId }),
  );
  const to = uniqueEmails([t?.email, ...(await staffEmails(studio.studioId))]);
  await sendAll("reschedule request email", to, () =>
    rescheduleRequestedMessage({
      studioName: studio.name,
      studentName: fullName(s),
      teacherName: t ? fullName(t) : "their teacher",
      timeZone: studio.timeZone,
      original: { start: request.originalStart, end: request.originalEnd },
      proposed: { start: request.proposedStart, end: request.proposedEnd },
      ...(request.message ? { message: request.message } : {}),
      url: dashboard(),
    }),
  );
}

/** Tells the student (when they have an email) and their family's guardians that the request was approved or rejected. */
export async function noticeReviewed(studio: StudioRecord, request: RescheduleRequestRecord, outcome: "approved" | "rejected") {
  const { data: s } = await scheduleDb().entities.student.get({ studioId: studio.studioId, studentId: request.studentId }).go();
  if (!s) return;
  const to = await familyEmails(studio.studioId, s);
  await sendAll(`reschedule ${outcome} email`, to, () =>
    rescheduleReviewedMessage({
      outcome,
      studioName: studio.name,
      studentName: fullName(s),
      timeZone: studio.timeZone,
      original: { start: request.originalStart, end: request.originalEnd },
      proposed: { start: request.proposedStart, end: request.proposedEnd },
      ...(request.reviewNote ? { note: request.reviewNote } : {}),
      url: dashboard(),
    }),
  );
}
