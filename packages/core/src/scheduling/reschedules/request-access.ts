import { itemOf } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import { assertMay, loadMemberWith, type Actor, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import type { LessonRecord } from "../lessons/lesson-view";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";
import type { SchedulingSettings } from "../settings/defaults";
import { scheduleDb } from "../schedule-db";
import { lessonIdOfRequest, type RescheduleRequestRecord } from "./request-view";

export interface LoadedRequest {
  member: StudioMember;
  studio: StudioRecord;
  request: RescheduleRequestRecord;
  lesson: LessonRecord;
  settings: SchedulingSettings;
}

/**
 * A request the actor may see, with its lesson (the id names it), the studio, their membership and
 * the scheduling settings: one BatchGet. Missing or not theirs to see: 404.
 */
export async function loadRequestFor(actor: Actor, studioId: string, requestId: string): Promise<LoadedRequest> {
  const lessonId = lessonIdOfRequest(requestId);
  if (!lessonId) throw notFound("Reschedule request");
  const { rescheduleRequest, lesson: lessons } = scheduleDb().entities;
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    itemOf(rescheduleRequest, { studioId, requestId }),
    itemOf(lessons, { studioId, lessonId }),
    schedulingSettingsRead(studioId),
  );
  const [request, lesson, settings] = records;
  if (!request || !lesson) throw notFound("Reschedule request");
  // The lesson's teachers: the one asked, and whoever teaches it now (or it was booked with).
  assertMay(member, "reschedule.view", { ...request, teacherIds: [request.teacherId, lesson.teacherId, lesson.originalTeacherId] });
  return { member, studio, request, lesson, settings: withDefaults(settings) };
}

/** 409 unless the request still waits for a review. */
export function requirePending(request: RescheduleRequestRecord): void {
  if (request.status !== "pending") {
    throw new AppError("reschedule.already_answered", `This request is already ${request.status}`, {
      errors: [{ path: "status", message: `is ${request.status}` }],
    });
  }
}

export const reviewedMeanwhile = () => new AppError("reschedule.answered_meanwhile", "This request was answered meanwhile; reload it");
