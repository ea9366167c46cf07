import { failsWith } from "../../kernel/db/commit-writes";
import { AppError, invalidField, type ReasonOf } from "../../kernel/errors";
import { cancelLessonWith } from "../cancellations/cancel-lesson";
import { bookMakeupWith } from "../makeups/book-makeup";
import { checkSelfServiceSlot, notFreeSlot } from "../makeups/self-service";
import { createRescheduleRequestWith } from "../reschedules/create-reschedule-request";
import { durationMinutes } from "../lessons/lesson-view";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { addDays, localParts } from "../../kernel/time/wall-clock";
import { makeupLink } from "./action-links";
import { linkState, MOVE_WINDOW_DAYS, type LinkState } from "./action-view";
import type { LessonAction } from "./action-token";
import { linkAccess, linkUsed, openLink, spendLink, type OpenedLink } from "./link-access";
import type { LinkBookInput, LinkCancelInput, LinkClaimInput, LinkMoveInput } from "./schemas";

/** Why a link that is not open refuses to act, by its state. */
const NOT_OPEN: Record<Exclude<LinkState, "open">, [ReasonOf<"conflict">, string]> = {
  used: ["link.used", "This link was already used; the studio has your earlier answer"],
  cancelled: ["link.cancelled", "This lesson is cancelled already"],
  moved: ["link.moved", "This lesson has moved since this email was sent: use the newest email about it"],
  started: ["link.started", "This lesson has already started"],
  credit_used: ["link.credit_used", "This make-up credit was already used"],
  credit_expired: ["link.credit_expired", "This make-up credit has expired"],
  taken: ["link.taken", "Another family took this slot first: choose one of the other free times"],
};
const notOpen = (state: Exclude<LinkState, "open">) => new AppError(...NOT_OPEN[state]);

/** The use cases name the time `scheduledStart` (or `proposedStart`); a link's form calls it `start`. */
async function asStartField<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof AppError && error.details.errors?.some((e) => e.path === "scheduledStart" || e.path === "proposedStart")) {
      const errors = error.details.errors.map((e) =>
        e.path === "scheduledStart" || e.path === "proposedStart" ? { ...e, path: "start", message: e.message.replace(/ \(GET \/free-slots\)/, "") } : e,
      );
      throw new AppError(error.reason, error.message, { ...error.details, errors });
    }
    throw error;
  }
}

async function openToAct(token: string, action: LessonAction, now: Date): Promise<OpenedLink> {
  const link = await openLink(token, action);
  const state = linkState(link, now);
  if (state !== "open") throw notOpen(state);
  return link;
}

/**
 * Cancels the lesson from its link, as its student, under the studio's policy (the outcome the
 * page showed, recomputed at this moment); the link is spent in the same transaction. When the
 * cancellation earned a credit, the answer carries a link to book the make-up.
 */
export async function cancelByLink(token: string, input: LinkCancelInput, now = new Date()) {
  const link = await openToAct(token, "cancel", now);
  const reason = input.reason?.trim() || "Cancelled by the family from the emailed link";
  const lesson = await cancelLessonWith(linkAccess(link), link.studio.studioId, link.lesson.lessonId, { reason, by: "student" }, spendLink(link));
  const cancellation = lesson.cancellation!;
  const { data: credit } = cancellation.creditId
    ? await scheduleDb().entities.makeupCredit.get({ studioId: link.studio.studioId, creditId: cancellation.creditId }).go()
    : { data: null };
  return {
    outcome: cancellation.outcome,
    explanation: cancellation.explanation,
    makeupUrl: credit ? makeupLink(link.studio, credit, link.claims.email).url : null,
  };
}

/**
 * Asks to move the lesson from its link to one of the teacher's free slots within the window the
 * page offers; staff approve or reject in the workspace and the family is emailed the decision.
 */
export async function moveByLink(token: string, input: LinkMoveInput, now = new Date()) {
  const link = await openToAct(token, "move", now);
  const { studio, lesson, claims } = link;
  const lastDay = addDays(localParts(now, studio.timeZone).date, MOVE_WINDOW_DAYS - 1);
  if (Date.parse(input.start) <= now.getTime()) throw invalidField("start", "must be in the future");
  if (localParts(input.start, studio.timeZone).date > lastDay) throw invalidField("start", `must be within the next ${MOVE_WINDOW_DAYS} days`);
  return asStartField(
    (async () => {
      const slot = { teacherId: lesson.teacherId, studentId: claims.studentId, scheduledStart: input.start, durationMinutes: durationMinutes(lesson) };
      if ((await checkSelfServiceSlot(studio.studioId, studio, slot)) === "taken") throw notFreeSlot();
      const message = input.message?.trim();
      return createRescheduleRequestWith(
        linkAccess(link),
        studio.studioId,
        { lessonId: lesson.lessonId, proposedStart: input.start, ...(message ? { message } : {}) },
        (tx) => failsWith(spendLink(link)(tx), linkUsed),
      );
    })(),
  );
}

/**
 * Claims a freed slot from the broadcast's link: books it as the make-up the credit pays for, and
 * marks the offer claimed on condition nobody claimed it first — of families racing for it exactly
 * one wins (the others' bookings lose the slot or the condition, and they are told it is taken).
 * Once taken, the same link books one of the teacher's other free times with the credit (`start`).
 */
export async function claimSlotByLink(token: string, input: LinkClaimInput, now = new Date()) {
  const link = await openLink(token, "claim");
  const state = linkState(link, now);
  const offer = link.offer!;
  const credit = link.credit!;
  const claiming = state === "open" && (input.start === undefined || input.start === offer.start);
  if (state !== "open" && !(state === "taken" && input.start)) throw notOpen(state);
  if (!claiming && !input.start) throw invalidField("start", "is required: choose one of the free times");
  const start = claiming ? offer.start : input.start!;
  const claimOffer = (tx: ScheduleTx) =>
    claiming
      ? [
          tx.slotOffer
            .patch({ studioId: offer.studioId, offerId: offer.offerId })
            .set({ status: "claimed", claimedBy: credit.studentId })
            .where((a, op) => op.eq(a.status, "sent"))
            .commit(),
        ]
      : [];
  try {
    return await asStartField(
      bookMakeupWith(linkAccess(link), link.studio.studioId, credit.creditId, { scheduledStart: start }, (tx) => [...spendLink(link)(tx), ...claimOffer(tx)]),
    );
  } catch (error) {
    // Lost the race: the slot is someone else's now.
    if (claiming && error instanceof AppError && error.code === "conflict") throw notOpen("taken");
    throw error;
  }
}

/** Books the make-up the credit pays for, from its link, into one of the teacher's free slots. */
export async function bookMakeupByLink(token: string, input: LinkBookInput, now = new Date()) {
  const link = await openToAct(token, "makeup", now);
  return asStartField(bookMakeupWith(linkAccess(link), link.studio.studioId, link.credit!.creditId, { scheduledStart: input.start }, spendLink(link)));
}
