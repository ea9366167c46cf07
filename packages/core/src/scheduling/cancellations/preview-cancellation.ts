import { signedIn, type Actor, type MemberAccess } from "../../policy";
import { loadLessonWith, type LoadedLesson } from "../lessons/lesson-access";
import { assertCancellable, cancellingAs } from "./cancel-lesson";
import type { CancelledBy } from "./cancellation-outcome";
import type { CancellationPreview } from "./cancellation-preview-schema";
import { planCancellation } from "./plan-cancellation";

export type { CancellationPreview };

/**
 * What cancelling a lesson now would do under the studio's policy, without doing it: the same
 * checks and decisions as cancelLesson (who cancels as whom, only a scheduled lesson still to come,
 * the student's credits this term), so the page can say "A make-up credit will be issued: 52 h
 * notice" before anyone confirms. Nothing is written.
 */
export const previewCancellation = (actor: Actor, studioId: string, lessonId: string, requested?: CancelledBy) =>
  previewCancellationWith(signedIn(actor), studioId, lessonId, requested);

/** The same for any way of acting (policy/member-access.ts). */
export async function previewCancellationWith(access: MemberAccess, studioId: string, lessonId: string, requested?: CancelledBy): Promise<CancellationPreview> {
  return previewLoadedCancellation(await loadLessonWith(access, studioId, lessonId), requested);
}

/** The preview from a lesson already loaded with its studio, settings and the member who would cancel. */
export async function previewLoadedCancellation(
  loaded: Pick<LoadedLesson, "member" | "studio" | "lesson" | "settings">,
  requested?: CancelledBy,
): Promise<CancellationPreview> {
  const { member, studio, lesson, settings } = loaded;
  const by = cancellingAs(member, lesson, requested);
  const now = new Date();
  assertCancellable(lesson, now);
  const planned = await planCancellation(
    { lesson, attendees: [] },
    { by, reason: "preview", actorId: member.userId, now, timeZone: studio.timeZone, settings },
  );
  const cancellation = planned.next.cancellation!;
  return {
    lessonId: lesson.lessonId,
    by,
    noticeHours: cancellation.noticeHours,
    outcome: cancellation.outcome,
    explanation: cancellation.explanation,
    students: [...planned.outcomes].map(([studentId, { decision }]) => ({ studentId, outcome: decision.outcome, explanation: decision.explanation })),
  };
}
