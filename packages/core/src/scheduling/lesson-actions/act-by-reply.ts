import { AppError } from "../../kernel/errors";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { isConditionalFailure } from "../../kernel/db/conditional-failure";
import { scheduleDb } from "../schedule-db";
import { cancelByLink } from "./act-by-link";
import { lessonClaims } from "./action-links";
import { signActionToken } from "./action-token";

/** A lesson email's recipient, as their reply address names them. */
export interface ReplyRef {
  studioId: string;
  lessonId: string;
  email: string;
}

/** What a reply command did: the lesson's new state, or nothing and why (said back to nobody: the flows' own emails say what changed). */
export type ReplyCommandResult = { done: "cancelled"; explanation: string } | { done: "confirmed" } | { done: "nothing"; why: string };

async function lessonOf(ref: ReplyRef) {
  const { lesson, studio } = scheduleDb().entities;
  const [found, studioRecord] = await readTogether(
    itemOf(lesson, { studioId: ref.studioId, lessonId: ref.lessonId }),
    itemOf(studio, { studioId: ref.studioId }),
  );
  return found && studioRecord && !studioRecord.deletedAt ? { lesson: found, studio: studioRecord } : null;
}

/**
 * "Cancel" in reply to a lesson's email: the same flow as its "Can't make it?" link (the same
 * claims, the studio's policy at this moment, the outcome emailed to the family and the teacher).
 * A lesson that is cancelled already, has started or is a group lesson is left as it is.
 */
export async function cancelByReply(ref: ReplyRef, now = new Date()): Promise<ReplyCommandResult> {
  const found = await lessonOf(ref);
  const claims = found && lessonClaims(found.studio, found.lesson, ref.email);
  if (!claims) return { done: "nothing", why: found ? `the lesson is ${found.lesson.status}` : "no such lesson" };
  try {
    const cancelled = await cancelByLink(signActionToken({ ...claims, action: "cancel" }), { reason: "Cancelled by replying to the lesson's email" }, now);
    return { done: "cancelled", explanation: cancelled.explanation };
  } catch (error) {
    if (error instanceof AppError && error.code !== "unavailable") return { done: "nothing", why: error.message };
    throw error;
  }
}

/** "Confirm" in reply to a lesson's email: records that the family will come (shown with the lesson); once is enough. */
export async function confirmByReply(ref: ReplyRef, now = new Date()): Promise<ReplyCommandResult> {
  const found = await lessonOf(ref);
  if (!found || !lessonClaims(found.studio, found.lesson, ref.email) || found.lesson.scheduledStart <= now.toISOString()) {
    return { done: "nothing", why: "the lesson is not one still to come" };
  }
  try {
    await scheduleDb()
      .entities.lesson.patch({ studioId: ref.studioId, lessonId: ref.lessonId })
      .set({ confirmedAt: now.toISOString(), confirmedBy: ref.email })
      .where((a, op) => `${op.eq(a.status, "scheduled")} AND ${op.eq(a.scheduledStart, found.lesson.scheduledStart)}`)
      .go();
    return { done: "confirmed" };
  } catch (error) {
    if (isConditionalFailure(error)) return { done: "nothing", why: "the lesson changed meanwhile" };
    throw error;
  }
}
