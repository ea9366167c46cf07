import { api } from "../support/api";
import { ADMINS, MEMBERS, NON_ADMINS, SEE_S1, except, s, type Row, type RowModule, type World } from "./rows";

/**
 * Lessons (read: admins, the teacher teaching it, its student, their parent — SEE_S1 for L1;
 * book/change/attendance: admins and teacher A; calendars: every member reads their own),
 * attendance history (who may read S1) and reschedule requests (asked by S1 or their parent;
 * read by those and admins and teacher A; answered by admins and teacher A; withdrawn by whoever
 * asked — S1 here). Lessons made here are booked in 2095, two hours apart, so nothing conflicts.
 */
let slot = 0;
const nextStart = () => new Date(Date.parse("2095-03-01T08:00:00Z") + slot++ * 2 * 3_600_000).toISOString();

async function call(w: World, token: string | undefined, path: string, body: unknown): Promise<{ id: string }> {
  const res = await api("POST", s(w, path), { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A lesson of teacher A with S1, like L1. */
const newLesson = (w: World) =>
  call(w, w.tokens.owner, "/lessons", { teacherId: w.teacherA, studentId: w.studentS1, type: "private", scheduledStart: nextStart(), durationMinutes: 30 });

/** A pending request S1 made to move a new lesson of theirs. */
async function newRequest(w: World) {
  const lesson = await newLesson(w);
  return call(w, w.tokens.studentSelf, "/reschedule-requests", { lessonId: lesson.id, proposedStart: nextStart() });
}

const TEACH: Pick<Row, "allow" | "forbid"> = { allow: [...ADMINS, "teacherOwn"], forbid: ["studentSelf", "parentOwn"] };
const month = () => {
  const from = new Date();
  return `from=${from.toISOString()}&to=${new Date(from.getTime() + 30 * 86_400_000).toISOString()}`;
};

export const lessonRows: RowModule = {
  prepare: async (w) => {
    const lesson = await newLesson(w);
    const request = await call(w, w.tokens.studentSelf, "/reschedule-requests", { lessonId: lesson.id, proposedStart: nextStart() });
    return { rescheduleLesson: lesson.id, rescheduleR1: request.id };
  },
  rows: {
    "POST /v1/studios/{studioId}/lessons": {
      action: "lesson.schedule",
      allow: [...ADMINS, "teacherOwn"],
      forbid: except(NON_ADMINS, "teacherOwn"),
      path: (w) => s(w, "/lessons"),
      body: (w) => ({ teacherId: w.teacherA, studentId: w.studentS1, type: "private", scheduledStart: nextStart(), durationMinutes: 30 }),
    },
    "GET /v1/studios/{studioId}/lessons": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, `/lessons?${month()}`) },
    "GET /v1/studios/{studioId}/lessons/{lessonId}": { action: "lesson.view", allow: SEE_S1, path: (w) => s(w, `/lessons/${w.lessonL1}`) },
    "PATCH /v1/studios/{studioId}/lessons/{lessonId}": {
      action: "lesson.teach",
      ...TEACH,
      path: (w) => s(w, `/lessons/${w.lessonL1}`),
      body: () => ({ title: `Matrix ${slot++}` }),
    },
    "PUT /v1/studios/{studioId}/lessons/{lessonId}/attendance": {
      action: "lesson.teach",
      ...TEACH,
      path: (w) => s(w, `/lessons/${w.lessonL1}/attendance`),
      body: (w) => ({ entries: [{ studentId: w.studentS1, status: "excused" }] }),
    },
    "GET /v1/studios/{studioId}/lessons/{lessonId}/attendance": {
      action: "lesson.attendee.view",
      allow: SEE_S1,
      path: (w) => s(w, `/lessons/${w.lessonL1}/attendance`),
    },
    "GET /v1/studios/{studioId}/attendance": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/attendance?studentId=${w.studentS1}`) },

    "POST /v1/studios/{studioId}/reschedule-requests": {
      action: "reschedule.request",
      allow: ["studentSelf", "parentOwn"],
      forbid: [...ADMINS, "teacherOwn"],
      path: (w) => s(w, "/reschedule-requests"),
      // Each allowed call asks about a lesson of its own (one pending request per lesson).
      fresh: async (w) => {
        const lesson = await newLesson(w);
        w.extra.askLesson = lesson.id;
        return lesson;
      },
      body: (w) => ({ lessonId: w.extra.askLesson ?? w.extra.rescheduleLesson, proposedStart: nextStart() }),
    },
    "GET /v1/studios/{studioId}/reschedule-requests": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/reschedule-requests") },
    "GET /v1/studios/{studioId}/reschedule-requests/{requestId}": {
      action: "reschedule.view",
      allow: SEE_S1,
      path: (w) => s(w, `/reschedule-requests/${w.extra.rescheduleR1}`),
    },
    "POST /v1/studios/{studioId}/reschedule-requests/{requestId}/approve": {
      action: "lesson.teach",
      ...TEACH,
      path: (w, id) => s(w, `/reschedule-requests/${id}/approve`),
      target: (w) => w.extra.rescheduleR1!,
      fresh: newRequest,
    },
    "POST /v1/studios/{studioId}/reschedule-requests/{requestId}/reject": {
      action: "lesson.teach",
      ...TEACH,
      path: (w, id) => s(w, `/reschedule-requests/${id}/reject`),
      target: (w) => w.extra.rescheduleR1!,
      fresh: newRequest,
    },
    "POST /v1/studios/{studioId}/reschedule-requests/{requestId}/withdraw": {
      action: "reschedule.withdraw",
      allow: ["studentSelf"],
      forbid: [...ADMINS, "teacherOwn", "parentOwn"],
      path: (w, id) => s(w, `/reschedule-requests/${id}/withdraw`),
      target: (w) => w.extra.rescheduleR1!,
      fresh: newRequest,
    },
  },
};
