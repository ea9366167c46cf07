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
export async function lessonWithParties(
  owner: Owner,
  options: { days?: number; hourUtc?: number; teacher?: Record<string, unknown>; student?: Record<string, unknown> } = {},
) {
  const teacher = await addTeacher(owner, options.teacher);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, ...options.student });
  const res = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(options.days ?? 3, options.hourUtc ?? 15) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { teacher, student, lesson: res.body as { id: string; scheduledStart: string; scheduledEnd: string } & Record<string, unknown> };
}

/** An instant `days` ago at a whole hour (UTC), for lessons that already happened. */
export const pastAt = (days: number, hourUtc: number, minute = 0) => futureAt(-days, hourUtc, minute);

/** GET a calendar page: `/lessons?from=&to=&…` as `token`. */
export function calendar(owner: Owner, token: string, params: Record<string, string | number | undefined>) {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  );
  return api("GET", `/v1/studios/${owner.studio.id}/lessons?${query}`, { token });
}

/** PATCH a lesson as `token` (the owner by default). */
export function patchLesson(owner: Owner, lessonId: string, body: Record<string, unknown>, token = owner.accessToken) {
  return api("PATCH", `/v1/studios/${owner.studio.id}/lessons/${lessonId}`, { token, body });
}

/** Books a lesson as the owner and expects it booked. */
export async function booked(owner: Owner, body: Record<string, unknown>) {
  const res = await bookLesson(owner, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; scheduledStart: string; scheduledEnd: string; teacherId: string } & Record<string, unknown>;
}
