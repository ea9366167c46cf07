import { PUBLIC_ACTOR } from "../../access-requests";
import { recordAudit } from "../../audit";
import { AppError, notFound } from "../../kernel/errors";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { countWrite, NEW_STAGE, TRIAL_BOOKED_STAGE, type LeadRecord } from "../../leads";
import { outboxEmails } from "../../outbox";
import type { TeacherRecord } from "../../people/module";
import { commitWithBookings } from "../../scheduling";
import { planBookings } from "../../scheduling";
import { withBookingRetry } from "../../scheduling";
import type { LessonRecord } from "../../scheduling";
import { lessonWrites, slotOf } from "../../scheduling";
import { schedulingSettingsRead, withDefaults } from "../../scheduling";
import type { StudioRecord } from "../../studios/module";
import { isLive } from "../../studios";
import { toPublicStudio } from "../../studios";
import { growthDb } from "../growth-db";
import { trialCancelledNotices } from "./trial-notices";
import { readTrialToken, type TrialClaims } from "./trial-token";

interface TrialRecords {
  studio: StudioRecord;
  lesson: LessonRecord;
  teacher: TeacherRecord;
  lead: LeadRecord;
  scheduling: object | null;
}

/**
 * The trial a booking page link names, in one BatchGet: the studio (live), the trial lesson, its
 * teacher and its lead — and the link must have gone to the lead's address. Anything else is 404.
 */
async function loadTrial(claims: TrialClaims): Promise<TrialRecords> {
  const { studio, lesson, teacher } = growthDb().entities;
  const { studioId, lessonId } = claims;
  const [studioItem, lessonItem, scheduling] = (await readTogether(
    itemOf(studio, { studioId }),
    itemOf(lesson, { studioId, lessonId }),
    schedulingSettingsRead(studioId),
  )) as unknown as [StudioRecord | null, LessonRecord | null, object | null];
  if (!studioItem || !isLive(studioItem) || !lessonItem?.leadId) throw notFound("Trial booking");
  const [teacherItem, leadItem] = (await readTogether(
    itemOf(teacher, { studioId, teacherId: lessonItem.teacherId }),
    itemOf(growthDb().entities.lead, { studioId, leadId: lessonItem.leadId }),
  )) as unknown as [TeacherRecord | null, LeadRecord | null];
  if (!teacherItem || !leadItem || leadItem.contactEmail !== claims.email) throw notFound("Trial booking");
  return { studio: studioItem, lesson: lessonItem, teacher: teacherItem, lead: leadItem, scheduling };
}

/** What a trial's booking page shows, and whether it can still be cancelled there (scheduled, not started). */
async function trialView({ studio, lesson, teacher, lead }: TrialRecords, now: Date) {
  const upcoming = lesson.status === "scheduled" && Date.parse(lesson.scheduledStart) > now.getTime();
  return {
    studio: await toPublicStudio(studio),
    currency: studio.currency,
    teacher: { id: teacher.teacherId, firstName: teacher.firstName, lastName: teacher.lastName },
    studentName: `${lead.studentFirstName} ${lead.studentLastName}`,
    start: lesson.scheduledStart,
    end: lesson.scheduledEnd,
    timeZone: studio.timeZone,
    status: lesson.status === "cancelled" ? ("cancelled" as const) : upcoming ? ("booked" as const) : ("past" as const),
    canCancel: upcoming,
  };
}

export type TrialBookingView = Awaited<ReturnType<typeof trialView>>;

/** A trial's booking page, by the link in its confirmation. */
export async function getTrialBooking(token: string, now = new Date()): Promise<TrialBookingView> {
  return trialView(await loadTrial(readTrialToken(token, now.getTime())), now);
}

/**
 * Cancels a trial from its booking page: the lesson is cancelled and its slot freed (the booking
 * engine's day schedules), the lead loses the trial (back to "new" if it was at "trial booked"),
 * and the booker (the calendar event removed) and staff are told — in one transaction. Cancelling
 * again answers with the cancelled booking; a trial that has started is 409.
 */
export async function cancelTrialBooking(token: string, now = new Date()): Promise<TrialBookingView> {
  const claims = readTrialToken(token, now.getTime());
  return withBookingRetry(async () => {
    const records = await loadTrial(claims);
    const { studio, lesson, teacher, lead } = records;
    if (lesson.status === "cancelled") return trialView(records, now);
    if (lesson.status !== "scheduled" || Date.parse(lesson.scheduledStart) <= now.getTime()) {
      throw new AppError("trial.already_started", "This trial lesson has started or taken place: contact the studio");
    }
    const at = now.toISOString();
    const cancelled: LessonRecord = {
      ...lesson,
      status: "cancelled",
      cancellation: {
        by: "student",
        reason: "Cancelled from the trial's booking page",
        at,
        actorId: PUBLIC_ACTOR,
        noticeHours: Math.floor((Date.parse(lesson.scheduledStart) - now.getTime()) / 3_600_000),
        outcome: "no_credit",
        explanation: "A trial lesson: nothing to credit",
      },
      updatedBy: PUBLIC_ACTOR,
    };
    const [{ plan }, emails] = await Promise.all([
      planBookings(studio.studioId, { remove: [slotOf(lesson, 0)] }),
      trialCancelledNotices(studio, cancelled, teacher, lead, claims.email),
    ]);
    const stillThisTrial = lead.trialBookingId === lesson.lessonId;
    const backToNew = stillThisTrial && lead.stage === TRIAL_BOOKED_STAGE;
    await commitWithBookings(
      growthDb,
      (tx) => [
        ...lessonWrites(tx, cancelled, { previous: { lesson, attendees: [] }, familyOf: () => undefined, settings: withDefaults(records.scheduling), now }),
        ...(stillThisTrial
          ? [
              tx.lead
                .patch({ studioId: studio.studioId, leadId: lead.leadId })
                .set({
                  updatedBy: PUBLIC_ACTOR,
                  ...(backToNew ? { stage: NEW_STAGE, stageChangedAt: at, stageHistory: [...lead.stageHistory, { stage: NEW_STAGE, at }] } : {}),
                })
                .remove(["trialBookingId", "trialStart", "trialTeacherId"])
                .commit(),
              ...(backToNew ? countWrite(tx, studio.studioId, { from: TRIAL_BOOKED_STAGE, to: NEW_STAGE }) : []),
            ]
          : []),
        recordAudit(tx, {
          studioId: studio.studioId,
          actorId: PUBLIC_ACTOR,
          action: "trial.cancelled",
          entityType: "lesson",
          entityId: lesson.lessonId,
          before: { status: lesson.status },
          after: { status: "cancelled", leadId: lead.leadId },
        }),
        ...outboxEmails(tx, emails),
      ],
      plan,
    );
    return trialView({ ...records, lesson: cancelled }, now);
  });
}
