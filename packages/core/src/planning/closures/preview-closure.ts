import { invalidField } from "../../kernel/errors";
import { readNames } from "../../people";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { decideCancellation, schedulingSettingsRead, toLesson, withDefaults } from "../../scheduling";
import { localParts } from "../../kernel/time/wall-clock";
import { lessonsInClosure } from "./cancel-closure-lessons";
import type { PreviewClosureQuery } from "./schemas";

/**
 * What closing the studio on local dates would do, before it is done (admins): the scheduled
 * lessons still to come in them, by start, with the names of their students, teachers and bands,
 * and the policy's outcome for each student (the same for all: a studio closure earns a make-up
 * credit when the policy issues credits). Reads only; the closure itself is POST …/closures.
 */
export async function previewClosure(actor: Actor, studioId: string, query: PreviewClosureQuery) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, schedulingSettingsRead(studioId));
  assertMay(member, "closure.manage");
  const now = new Date();
  if (query.endDate < localParts(now, studio.timeZone).date) throw invalidField("endDate", "must not be in the past");
  const settings = withDefaults(records[0]);
  const lessons = await lessonsInClosure(studioId, query, studio.timeZone, now);
  const names = await readNames(studioId, {
    students: lessons.flatMap((l) => l.studentIds),
    teachers: lessons.map((l) => l.teacherId),
    bands: lessons.flatMap((l) => (l.bandId ? [l.bandId] : [])),
  });
  const decision = decideCancellation({ by: "studio", noticeMs: 0, settings, issuedThisTerm: 0, closure: true });
  const places = lessons.reduce((sum, l) => sum + l.studentIds.length, 0);
  return {
    startDate: query.startDate,
    endDate: query.endDate,
    lessons: lessons.map((l) => toLesson(l, studio.timeZone)),
    lessonCount: lessons.length,
    outcome: decision.outcome,
    explanation: decision.explanation,
    creditCount: decision.outcome === "credit_issued" ? places : 0,
    names,
  };
}
export type ClosurePreview = Awaited<ReturnType<typeof previewClosure>>;
