import { itemOf } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import { isStudioAdmin, loadMemberWith, type Actor, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/studio-view";
import type { LessonRecord } from "../lessons/lesson-view";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";
import type { SchedulingSettings } from "../settings/defaults";
import { scheduleDb } from "../schedule-db";
import { lessonIdOfRequest, type RescheduleRequestRecord } from "./request-view";

/**
 * Who sees a reschedule request: admins; the lesson's teacher (the one asked, or whoever teaches
 * it now); the student it is for; the parents of that student's family.
 */
export function mayReadRequest(member: StudioMember, request: RescheduleRequestRecord, lesson: LessonRecord | null): boolean {
  if (isStudioAdmin(member)) return true;
  switch (member.role) {
    case "teacher":
      return Boolean(member.teacherId) && [request.teacherId, lesson?.teacherId, lesson?.originalTeacherId].includes(member.teacherId);
    case "student":
      return Boolean(member.studentId) && request.studentId === member.studentId;
    case "parent":
      return Boolean(member.familyId) && request.familyId === member.familyId;
    default:
      return false;
  }
}

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
  if (!request || !lesson || !mayReadRequest(member, request, lesson)) throw notFound("Reschedule request");
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
