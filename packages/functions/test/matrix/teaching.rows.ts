import { api } from "../support/api";
import { ADMINS, SEE_S1, s, type ActorName, type RowModule, type World } from "./rows";

/** POST as `token` (the owner by default); the created record. */
async function post(w: World, path: string, body: unknown, token = w.owner.accessToken): Promise<{ id: string }> {
  const res = await api("POST", s(w, path), { token, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Who sees lesson L1 (teacher A with S1): admins, teacher A, S1, S1's parent. */
const SEE_L1 = SEE_S1;
/** Who teaches L1 or S1: admins and teacher A. */
const TEACH_S1: ActorName[] = [...ADMINS, "teacherOwn"];
/** Who works with lesson plans: admins and teachers. */
const PLANNERS: ActorName[] = [...ADMINS, "teacherOwn", "teacherOther"];
/** Who records S1's practice: admins, S1, S1's parent. */
const PRACTICE_S1: ActorName[] = [...ADMINS, "studentSelf", "parentOwn"];

/** A note on L1 the student and the parent may see (so they get 403, not 404, on changing it). */
const note = (w: World) => post(w, `/lessons/${w.lessonL1}/notes`, { summary: "Matrix note", visibleToStudent: true, visibleToParent: true });
const goal = (w: World) => post(w, "/goals", { studentId: w.studentS1, title: "Matrix goal" });
/** A public plan of teacher A (teacher B sees it, so gets 403 on changing it). */
const plan = (w: World) => post(w, "/lesson-plans", { title: "Matrix plan", isPublic: true }, w.tokens.teacherOwn);
const practiceDay = () => new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const practice = (w: World) => post(w, "/practice-logs", { studentId: w.studentS1, practisedOn: practiceDay(), minutes: 30 });

export const teachingRows: RowModule = {
  prepare: async (w) => ({
    noteN1: (await note(w)).id,
    goalG1: (await goal(w)).id,
    planP1: (await plan(w)).id,
    logP1: (await practice(w)).id,
  }),
  rows: {
    "GET /v1/studios/{studioId}/lessons/{lessonId}/notes": { action: "note.view", allow: SEE_L1, path: (w) => s(w, `/lessons/${w.lessonL1}/notes`) },
    "GET /v1/studios/{studioId}/notes": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/notes?studentId=${w.studentS1}`) },
    "POST /v1/studios/{studioId}/lessons/{lessonId}/notes": {
      action: "lesson.teach",
      allow: TEACH_S1,
      forbid: ["studentSelf", "parentOwn"],
      path: (w) => s(w, `/lessons/${w.lessonL1}/notes`),
      body: () => ({ summary: "Matrix" }),
    },
    "PATCH /v1/studios/{studioId}/lessons/{lessonId}/notes/{noteId}": {
      action: "lesson.teach",
      allow: TEACH_S1,
      forbid: ["studentSelf", "parentOwn"],
      path: (w) => s(w, `/lessons/${w.lessonL1}/notes/${w.extra.noteN1}`),
      body: () => ({ homework: "Matrix homework" }),
    },
    "DELETE /v1/studios/{studioId}/lessons/{lessonId}/notes/{noteId}": {
      action: "lesson.teach",
      allow: TEACH_S1,
      forbid: ["studentSelf", "parentOwn"],
      path: (w, t) => s(w, `/lessons/${w.lessonL1}/notes/${t}`),
      target: (w) => w.extra.noteN1!,
      fresh: note,
    },

    "GET /v1/studios/{studioId}/goals": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/goals?studentId=${w.studentS1}`) },
    "POST /v1/studios/{studioId}/goals": {
      action: "goal.write",
      allow: TEACH_S1,
      forbid: ["studentSelf", "parentOwn"],
      path: (w) => s(w, "/goals"),
      body: (w) => ({ studentId: w.studentS1, title: "Matrix" }),
    },
    "GET /v1/studios/{studioId}/goals/{goalId}": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/goals/${w.extra.goalG1}`) },
    "PATCH /v1/studios/{studioId}/goals/{goalId}": {
      action: "goal.write",
      allow: TEACH_S1,
      forbid: ["studentSelf", "parentOwn"],
      path: (w) => s(w, `/goals/${w.extra.goalG1}`),
      body: () => ({ progressPercentage: 50 }),
    },
    "DELETE /v1/studios/{studioId}/goals/{goalId}": {
      action: "goal.write",
      allow: TEACH_S1,
      forbid: ["studentSelf", "parentOwn"],
      path: (w, t) => s(w, `/goals/${t}`),
      target: (w) => w.extra.goalG1!,
      fresh: goal,
    },

    // The collection is role-based (students and parents: 403); a plan they cannot see is 404.
    "GET /v1/studios/{studioId}/lesson-plans": {
      action: "lesson-plan.use",
      allow: PLANNERS,
      forbid: ["studentSelf", "studentOther", "parentOwn", "parentOther"],
      path: (w) => s(w, "/lesson-plans"),
    },
    "POST /v1/studios/{studioId}/lesson-plans": {
      action: "lesson-plan.use",
      allow: PLANNERS,
      forbid: ["studentSelf", "studentOther", "parentOwn", "parentOther"],
      path: (w) => s(w, "/lesson-plans"),
      body: () => ({ title: "Matrix" }),
    },
    "GET /v1/studios/{studioId}/lesson-plans/{planId}": { action: "lesson-plan.view", allow: PLANNERS, path: (w) => s(w, `/lesson-plans/${w.extra.planP1}`) },
    "PATCH /v1/studios/{studioId}/lesson-plans/{planId}": {
      action: "lesson-plan.edit",
      allow: TEACH_S1,
      forbid: ["teacherOther"],
      path: (w) => s(w, `/lesson-plans/${w.extra.planP1}`),
      body: () => ({ description: "Matrix" }),
    },
    "DELETE /v1/studios/{studioId}/lesson-plans/{planId}": {
      action: "lesson-plan.edit",
      allow: TEACH_S1,
      forbid: ["teacherOther"],
      path: (w, t) => s(w, `/lesson-plans/${t}`),
      target: (w) => w.extra.planP1!,
      fresh: plan,
    },

    "GET /v1/studios/{studioId}/practice-logs": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/practice-logs?studentId=${w.studentS1}`) },
    "POST /v1/studios/{studioId}/practice-logs": {
      action: "practice-log.write",
      allow: PRACTICE_S1,
      forbid: ["teacherOwn"],
      path: (w) => s(w, "/practice-logs"),
      body: (w) => ({ studentId: w.studentS1, practisedOn: practiceDay(), minutes: 20 }),
    },
    "DELETE /v1/studios/{studioId}/practice-logs/{logId}": {
      action: "practice-log.write",
      allow: PRACTICE_S1,
      forbid: ["teacherOwn"],
      path: (w, t) => s(w, `/practice-logs/${t}`),
      target: (w) => w.extra.logP1!,
      fresh: practice,
    },
  },
};
