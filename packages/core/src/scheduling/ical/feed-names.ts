import { itemOf, readTogether, type ItemRead } from "../../kernel/db/read-together";
import type { LessonRecord } from "../lessons/lesson-view";
import { scheduleDb } from "../schedule-db";
import type { FeedNames } from "./lesson-event";

type Named = { firstName?: string; lastName?: string; name?: string; instrument?: string } | null;
const BATCH = 100;

/**
 * The names the feed's events show: each teacher, student and band of the lessons, read by key
 * in BatchGets of 100 (a teacher's half year usually names a few dozen people: one call).
 */
export async function readFeedNames(studioId: string, lessons: LessonRecord[]): Promise<FeedNames> {
  const { teacher, student, band } = scheduleDb().entities;
  const wanted = new Map<string, { kind: "teacher" | "student" | "band"; id: string; read: ItemRead<unknown> }>();
  for (const l of lessons) {
    wanted.set(`t:${l.teacherId}`, { kind: "teacher", id: l.teacherId, read: itemOf(teacher, { studioId, teacherId: l.teacherId }) });
    for (const id of l.studentIds) wanted.set(`s:${id}`, { kind: "student", id, read: itemOf(student, { studioId, studentId: id }) });
    if (l.bandId) wanted.set(`b:${l.bandId}`, { kind: "band", id: l.bandId, read: itemOf(band, { studioId, bandId: l.bandId }) });
  }
  const names: FeedNames = { teachers: new Map(), students: new Map(), bands: new Map() };
  const all = [...wanted.values()];
  for (let i = 0; i < all.length; i += BATCH) {
    const chunk = all.slice(i, i + BATCH);
    const records = (await readTogether(...chunk.map((w) => w.read))) as Named[];
    chunk.forEach((w, index) => {
      const r = records[index];
      if (!r) return;
      if (w.kind === "band") names.bands.set(w.id, r.name ?? "");
      else if (w.kind === "teacher") names.teachers.set(w.id, `${r.firstName} ${r.lastName}`);
      else names.students.set(w.id, { name: `${r.firstName} ${r.lastName}`, ...(r.instrument ? { instrument: r.instrument } : {}) });
    });
  }
  return names;
}
