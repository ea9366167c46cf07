import { api } from "../support/api";
import { ADMINS, MEMBERS, NON_ADMINS, SEE_S1, except, s, type Row, type RowModule, type World } from "./rows";

/**
 * Recurring patterns: read like lessons (admins, the teacher, the student, their parents); made,
 * changed and ended by admins and the teacher (teacher A with their student S1). Every pattern
 * here is a single occurrence on its own date far beyond the horizon, so none ever conflicts.
 */
let next = 0;
const farDate = () => new Date(Date.now() + (400 + next++) * 86_400_000).toISOString().slice(0, 10);
const patternBody = (w: World) => ({
  teacherId: w.teacherA,
  studentId: w.studentS1,
  frequency: "weekly",
  startTime: "05:10",
  durationMinutes: 30,
  startDate: farDate(),
});

async function newPattern(w: World): Promise<{ id: string }> {
  const res = await api("POST", s(w, "/recurring-patterns"), { token: w.tokens.owner, body: patternBody(w) });
  if (res.status !== 201) throw new Error(`recurring pattern: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const WRITERS = [...ADMINS, "teacherOwn"] as const;
const writeRow = (row: Omit<Row, "allow" | "forbid" | "fresh" | "target">): Row => ({
  allow: [...WRITERS],
  forbid: ["studentSelf", "parentOwn"],
  fresh: newPattern,
  target: (w) => w.extra.patternP1!,
  ...row,
});

export const patternRows: RowModule = {
  prepare: async (w) => ({ patternP1: (await newPattern(w)).id }),
  rows: {
    "GET /v1/studios/{studioId}/recurring-patterns": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/recurring-patterns") },
    "POST /v1/studios/{studioId}/recurring-patterns": {
      action: "lesson.schedule",
      allow: [...WRITERS],
      forbid: except(NON_ADMINS, "teacherOwn"),
      path: (w) => s(w, "/recurring-patterns"),
      body: patternBody,
    },
    "GET /v1/studios/{studioId}/recurring-patterns/{patternId}": {
      action: "lesson.view",
      allow: SEE_S1,
      path: (w) => s(w, `/recurring-patterns/${w.extra.patternP1}`),
    },
    "PATCH /v1/studios/{studioId}/recurring-patterns/{patternId}": writeRow({
      action: "pattern.change",
      path: (w, t) => s(w, `/recurring-patterns/${t}`),
      body: () => ({ startTime: "05:40" }),
    }),
    "POST /v1/studios/{studioId}/recurring-patterns/{patternId}/end": writeRow({
      action: "pattern.change",
      path: (w, t) => s(w, `/recurring-patterns/${t}/end`),
      body: () => ({}),
    }),
    "DELETE /v1/studios/{studioId}/recurring-patterns/{patternId}": writeRow({ action: "pattern.change", path: (w, t) => s(w, `/recurring-patterns/${t}`) }),
  },
};
