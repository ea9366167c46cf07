import type { Pattern } from "./pattern-schema";

export type { Pattern };

import type { PatternRecord } from "./recurring-pattern.entity";
export type { PatternRecord } from "./recurring-pattern.entity";
export type SkippedOccurrence = NonNullable<PatternRecord["skipped"]>[number];

/** At most this many skipped occurrences are kept on a pattern (the newest). */
export const MAX_SKIPPED = 50;

/** A recurring pattern as the API shows it; its local dates and time are in the studio's time zone. */
export function toPattern(record: PatternRecord, timeZone: string): Pattern {
  return {
    id: record.patternId,
    studioId: record.studioId,
    teacherId: record.teacherId,
    studentId: record.studentId ?? null,
    bandId: record.bandId ?? null,
    studentIds: record.studentIds,
    type: record.type,
    frequency: record.frequency,
    dayOfWeek: record.dayOfWeek,
    startDate: record.startDate,
    endDate: record.endDate ?? null,
    startTime: record.startTime,
    durationMinutes: record.durationMinutes,
    timeZone,
    title: record.title ?? null,
    location: record.location ?? null,
    roomName: record.roomName ?? null,
    onlineUrl: record.onlineUrl ?? null,
    isActive: record.isActive,
    materialisedThrough: record.materialisedThrough ?? null,
    skipped: (record.skipped ?? []).map((s) => ({ date: s.date, reason: s.reason, conflictingLessonId: s.conflictingLessonId ?? null })),
    continues: record.continues ?? null,
    continuedBy: record.continuedBy ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** What a write did to the pattern's lessons. */
export interface LessonChanges {
  lessonsCreated: number;
  lessonsRemoved: number;
}

/** Appends skipped occurrences, keeping the newest MAX_SKIPPED. */
export const withSkipped = (current: SkippedOccurrence[] | undefined, added: SkippedOccurrence[]) => [...(current ?? []), ...added].slice(-MAX_SKIPPED);
