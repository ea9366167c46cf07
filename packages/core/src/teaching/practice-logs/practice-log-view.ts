import type { EntityItem } from "electrodb";
import type { PracticeLogEntity } from "../practice-log.entity";

export type PracticeLogRecord = EntityItem<typeof PracticeLogEntity>;

export interface PracticeLog {
  id: string;
  studentId: string;
  practisedOn: string;
  minutes: number;
  pieces: string[];
  notes: string | null;
  /** The user who recorded it (the student, a parent or an admin). */
  recordedBy: string;
  createdAt: string;
}

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
