import { itemOf, readTogether } from "../../kernel/db/read-together";
import { emailBrand } from "../../email";
import type { TeacherRecord } from "../../people/module";
import { teacherAndHoursKeys } from "../availability/availability-access";
import type { AvailabilityRecord } from "../availability/availability-view";
import { previewLoadedCancellation } from "../cancellations/preview-cancellation";
import { parseFreeSlotSearch } from "../free-slots/find-free-slots";
import { freeSlotsOf } from "../free-slots/free-slots-of";
import { durationMinutes } from "../lessons/lesson-view";
import { effectiveStatus } from "../makeups/credit-view";
import { scheduleDb } from "../schedule-db";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import type { LessonAction } from "./action-token";
import type { LessonActionView } from "./action-schema";
import { linkMember, openLink, type OpenedLink } from "./link-access";

/**
 * Where a link stands: `open` to act; otherwise why not — it acted already, the lesson was
 * cancelled or moved since the email (the link was bound to its time), it has started, the
 * make-up credit was spent or has expired, or (claims) another family took the freed slot first.
 */
export type LinkState = "open" | "used" | "cancelled" | "moved" | "started" | "credit_used" | "credit_expired" | "taken";

/** How far ahead a family may ask to move a lesson, in local days. */
export const MOVE_WINDOW_DAYS = 14;
/** The longest stretch of a credit's life one page offers slots for. */
const MAKEUP_WINDOW_DAYS = 28;
/** Offered slots start on the half hour. */
const SLOT_STEP_MINUTES = 30;

export function linkState(link: OpenedLink, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.credit) {
    const status = effectiveStatus(link.credit, localParts(now, link.studio.timeZone).date);
    if (status === "used") return "credit_used";
    if (status !== "available") return "credit_expired";
    if (!link.offer) return "open";
  }
  if (link.offer) {
    if (Date.parse(link.offer.start) <= now.getTime()) return "started";
    return link.offer.status === "claimed" || link.offer.status === "closed" ? "taken" : "open";
  }
  if (link.lesson.status === "cancelled") return "cancelled";
  if (link.lesson.scheduledStart !== link.claims.version) return "moved";
  if (link.lesson.status !== "scheduled" || Date.parse(link.lesson.scheduledStart) <= now.getTime()) return "started";
  return "open";
}

/**
 * The teacher's free slots a link offers: the lesson's (or credit's) length, keeping clear of the
 * student's lessons. The studio and the student come with the link; the teacher and their hours
 * were read with the page's teacher.
 */
async function offeredSlots(link: OpenedLink, teacher: TeacherRecord | null, hours: AvailabilityRecord | null, now: Date) {
  const { studio, lesson, student, credit, claims } = link;
  const today = localParts(now, studio.timeZone).date;
  const last = credit
    ? credit.expiresOn < addDays(today, MAKEUP_WINDOW_DAYS - 1)
      ? credit.expiresOn
      : addDays(today, MAKEUP_WINDOW_DAYS - 1)
    : addDays(today, MOVE_WINDOW_DAYS - 1);
  const query = parseFreeSlotSearch({
    teacherId: credit?.teacherId ?? lesson.teacherId,
    from: today,
    to: last,
    durationMinutes: credit?.durationMinutes ?? durationMinutes(lesson),
    stepMinutes: SLOT_STEP_MINUTES,
    studentId: claims.studentId,
  });
  const slots = await freeSlotsOf(studio.studioId, { studio, teacher, hours, student }, query, now);
  return slots.items
    .filter((slot) => Date.parse(slot.start) > now.getTime() && slot.start !== lesson.scheduledStart)
    .map((slot) => ({ start: slot.start, end: slot.end }));
}

/**
 * What an action page shows for a link, in one answer: the studio's brand, the lesson (when and
 * with whom, in the studio's zone), the link's state and, while it is open, what acting would do:
 * the cancellation policy's outcome at this moment, or the teacher's free slots to move to or to
 * book a make-up in. Reading changes nothing (mail scanners open links). Three rounds of reads:
 * the link's records (openLink), the teacher (and hours), and the slots' closures and schedules.
 */
export async function lessonActionView(token: string, action: LessonAction, now = new Date()): Promise<LessonActionView> {
  const link = await openLink(token, action);
  const { studio, lesson, student, credit } = link;
  const state = linkState(link, now);
  const teacherId = credit?.teacherId ?? lesson.teacherId;
  const open = state === "open";
  // A claim offers its one slot while open; once taken, the credit's other free times.
  const offersSlots = action === "claim" ? state === "taken" : open && action !== "cancel";
  // One more read: the teacher (with their hours when the page offers slots).
  const [teacher, hours] = (await readTogether(
    ...(offersSlots ? teacherAndHoursKeys(studio.studioId, teacherId) : [itemOf(scheduleDb().entities.teacher, { studioId: studio.studioId, teacherId })]),
  )) as unknown as [TeacherRecord | null, AvailabilityRecord | null | undefined];
  const [cancel, slots] = await Promise.all([
    open && action === "cancel" ? previewLoadedCancellation({ member: linkMember(link), studio, lesson, settings: link.settings }, "student") : null,
    offersSlots ? offeredSlots(link, teacher, hours ?? null, now) : null,
  ]);
  const { offer } = link;
  const brand = emailBrand(studio);
  return {
    action,
    state,
    studio: {
      name: studio.name,
      slug: studio.slug,
      themeColor: studio.themeColor ?? null,
      logoUrl: brand.logoUrl ?? null,
      email: studio.email ?? null,
      phone: studio.phone ?? null,
      timeZone: studio.timeZone,
      currency: studio.currency,
      country: studio.country ?? null,
    },
    // A claim shows the freed slot, never the other family's lesson it came from.
    lesson: {
      id: offer?.offerId ?? lesson.lessonId,
      start: offer?.start ?? lesson.scheduledStart,
      end: offer?.end ?? lesson.scheduledEnd,
      status: offer ? "scheduled" : lesson.status,
      title: offer ? null : (lesson.title ?? null),
      teacherName: teacher ? `${teacher.firstName} ${teacher.lastName}` : "your teacher",
      studentName: `${student.firstName} ${student.lastName}`,
      /** When the lesson moved since the email: its time now. */
      movedFrom: state === "moved" ? link.claims.version : null,
      cancellation: !offer && lesson.cancellation ? { outcome: lesson.cancellation.outcome, explanation: lesson.cancellation.explanation } : null,
    },
    cancel: cancel ? { outcome: cancel.outcome, explanation: cancel.explanation, noticeHours: cancel.noticeHours } : null,
    credit: credit ? { expiresOn: credit.expiresOn, durationMinutes: credit.durationMinutes, usedLessonId: credit.usedLessonId ?? null } : null,
    slots,
  };
}
export type { LessonActionView };
