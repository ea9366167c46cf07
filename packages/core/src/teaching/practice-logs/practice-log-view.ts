import type { EntityItem } from "electrodb";
import type { PracticeLogEntity } from "../practice-log.entity";
import type { PracticeLog } from "./practice-log-schema";

export type PracticeLogRecord = EntityItem<typeof PracticeLogEntity>;

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
