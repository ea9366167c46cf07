import type { Closure } from "./closure-schema";

export type { Closure };

import type { ClosureRecord } from "./closure.entity";
export type { ClosureRecord } from "./closure.entity";

/** A closure as the API shows it. */
export function toClosure(record: ClosureRecord): Closure {
  const cancelled = record.cancelledLessonIds ?? [];
  return {
    id: record.closureId,
    studioId: record.studioId,
    startDate: record.startDate,
    endDate: record.endDate,
    reason: record.reason,
    cancelledLessonIds: cancelled,
    cancelledLessonCount: cancelled.length,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
