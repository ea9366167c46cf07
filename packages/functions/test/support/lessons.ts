import { expect } from "vitest";
import { api, type ownerWithStudio } from "./api";
import { addStudent, addTeacher } from "./people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** An instant `days` from now at a whole hour (UTC), so tests book into the future. */
export function futureAt(days: number, hourUtc: number, minute = 0) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d.toISOString();
}

/** POST /lessons as `token` (the owner by default); returns the raw response. */
export function bookLesson(owner: Owner, body: Record<string, unknown>, token = owner.accessToken) {
  return api("POST", `/v1/studios/${owner.studio.id}/lessons`, { token, body: { type: "private", durationMinutes: 45, ...body } });
}

/** A teacher and one of their students, with a booked lesson `days` ahead. */
export async function lessonWithParties(owner: Owner, options: { days?: number; hourUtc?: number; teacher?: Record<string, unknown>; student?: Record<string, unknown> } = {}) {
  const teacher = await addTeacher(owner, options.teacher);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, ...options.student });
  const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(options.days ?? 3, options.hourUtc ?? 15) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { teacher, student, lesson: res.body as { id: string; scheduledStart: string; scheduledEnd: string } & Record<string, unknown> };
}
