import type { LessonStatus } from "./lesson.entity";

/**
 * The valid status edges: a scheduled lesson starts, is completed (marked after the fact) or is
 * a no-show; a lesson in progress is completed. Completed, no-show and cancelled are final.
 * Cancelling is its own route (it applies the cancellation policy).
 */
export const STATUS_EDGES: Record<LessonStatus, readonly LessonStatus[]> = {
  scheduled: ["in_progress", "completed", "no_show"],
  in_progress: ["completed"],
  completed: [],
  no_show: [],
  cancelled: [],
};

export const mayMoveStatus = (from: LessonStatus, to: LessonStatus) => from === to || STATUS_EDGES[from].includes(to);

/** How early before its scheduled start a lesson may be started. */
export const EARLY_START_MINUTES = 15;
