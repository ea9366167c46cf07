import { localParts } from "../../kernel/time/wall-clock";
import type { RescheduleRequest } from "./request-schema";

export type { RescheduleRequest };

import type { RescheduleRequestRecord } from "./reschedule-request.entity";
export type { RescheduleRequestRecord } from "./reschedule-request.entity";

const local = (start: string, end: string, timeZone: string) => {
  const s = localParts(start, timeZone);
  return { date: s.date, startTime: s.time, endTime: localParts(end, timeZone).time, timeZone };
};

/** A reschedule request as the API shows it, with both times on the studio's wall clock. */
export function toRescheduleRequest(r: RescheduleRequestRecord, timeZone: string): RescheduleRequest {
  return {
    id: r.requestId,
    lessonId: r.lessonId,
    studentId: r.studentId,
    teacherId: r.teacherId,
    requestedBy: r.requestedBy,
    status: r.status,
    originalStart: r.originalStart,
    originalEnd: r.originalEnd,
    originalLocal: local(r.originalStart, r.originalEnd, timeZone),
    proposedStart: r.proposedStart,
    proposedEnd: r.proposedEnd,
    proposedLocal: local(r.proposedStart, r.proposedEnd, timeZone),
    message: r.message ?? null,
    reviewedBy: r.reviewedBy ?? null,
    reviewedAt: r.reviewedAt ?? null,
    reviewNote: r.reviewNote ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** "<lessonId>-r<n>": the lesson a request id belongs to (undefined for an id of another shape). */
export const lessonIdOfRequest = (requestId: string) => /^(.+)-r\d{3,}$/.exec(requestId)?.[1];
export const requestIdFor = (lessonId: string, n: number) => `${lessonId}-r${String(n).padStart(3, "0")}`;
