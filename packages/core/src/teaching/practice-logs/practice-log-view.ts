import type { PracticeLog } from "./practice-log-schema";

import type { PracticeLogRecord } from "../practice-log.entity";
export type { PracticeLogRecord } from "../practice-log.entity";

export type { PracticeLog };

export const toPracticeLog = (r: PracticeLogRecord): PracticeLog => ({
  id: r.logId,
  studentId: r.studentId,
  practisedOn: r.practisedOn,
  minutes: r.minutes,
  pieces: r.pieces ?? [],
  notes: r.notes ?? null,
  recordedBy: r.recordedBy,
  createdAt: r.createdAt,
});
