import { api } from "../support/api";
import { ADMINS, NON_ADMINS, adminOnly, except, s, type ActorName, type RowModule, type World } from "./rows";

/** POST as the owner; the created record. */
async function post(w: World, path: string, body: unknown): Promise<{ id: string }> {
  const res = await api("POST", s(w, path), { token: w.owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Staff: admins and both teachers (the list and the board; a teacher's hold their assigned leads). */
const STAFF: ActorName[] = [...ADMINS, "teacherOwn", "teacherOther"];
/** Who sees lead K1 (assigned to teacher A): admins and teacher A. */
const SEE_K1: ActorName[] = [...ADMINS, "teacherOwn"];

/** A lead assigned to teacher A (teacherOwn). */
const lead = (w: World) =>
  post(w, "/leads", { studentFirstName: "Matrix", studentLastName: "Lead", assignedTeacherId: w.teacherA, contactEmail: "matrix.lead@example.com" });

export const leadRows: RowModule = {
  prepare: async (w) => {
    const leadK1 = (await lead(w)).id;
    const taskT1 = (await post(w, `/leads/${leadK1}/tasks`, { title: "Call", dueOn: "2030-01-15" })).id;
    // A refused merge names a real duplicate (the body is valid); each allowed merge gets a fresh one.
    const mergeTarget = (await lead(w)).id;
    w.extra.leadK1 = leadK1;
    return { leadK1, taskT1, mergeTarget };
  },
  rows: {
    "GET /v1/studios/{studioId}/leads": {
      action: "lead.list",
      allow: STAFF,
      forbid: except(NON_ADMINS, "teacherOwn", "teacherOther"),
      path: (w) => s(w, "/leads"),
    },
    "POST /v1/studios/{studioId}/leads": adminOnly({
      action: "lead.manage",
      path: (w) => s(w, "/leads"),
      body: () => ({ studentFirstName: "New", studentLastName: "Lead" }),
    }),
    "POST /v1/studios/{studioId}/leads/import": adminOnly({
      action: "lead.manage",
      path: (w) => s(w, "/leads/import"),
      body: () => ({ csv: "studentFirstName,studentLastName,contactName\nMatrix,Import,Pat Parent\n", dryRun: true }),
    }),
    "GET /v1/studios/{studioId}/leads/board": {
      action: "lead.list",
      allow: STAFF,
      forbid: except(NON_ADMINS, "teacherOwn", "teacherOther"),
      path: (w) => s(w, "/leads/board"),
    },
    "GET /v1/studios/{studioId}/leads/stages": {
      action: "lead.list",
      allow: STAFF,
      forbid: except(NON_ADMINS, "teacherOwn", "teacherOther"),
      path: (w) => s(w, "/leads/stages"),
    },
    "PUT /v1/studios/{studioId}/leads/stages": adminOnly({
      action: "lead.manage",
      path: (w) => s(w, "/leads/stages"),
      body: () => ({
        stages: [
          { key: "new", name: "New" },
          { key: "contacted", name: "Contacted" },
          { key: "trial_booked", name: "Trial booked" },
          { key: "trial_done", name: "Trial done" },
          { key: "enrolled", name: "Enrolled" },
          { key: "lost", name: "Lost" },
        ],
      }),
    }),
    "GET /v1/studios/{studioId}/leads/funnel": adminOnly({ action: "lead.manage", path: (w) => s(w, "/leads/funnel?from=2026-01-01&to=2026-12-31") }),
    "GET /v1/studios/{studioId}/leads/{leadId}": { action: "lead.view", allow: SEE_K1, path: (w) => s(w, `/leads/${w.extra.leadK1}`) },
    "PATCH /v1/studios/{studioId}/leads/{leadId}": {
      action: "lead.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/leads/${w.extra.leadK1}`),
      body: () => ({ instrument: "Cello" }),
    },
    "DELETE /v1/studios/{studioId}/leads/{leadId}": {
      action: "lead.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w, t) => s(w, `/leads/${t}`),
      target: (w) => w.extra.leadK1!,
      fresh: lead,
    },
    "POST /v1/studios/{studioId}/leads/{leadId}/stage": {
      action: "lead.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/leads/${w.extra.leadK1}/stage`),
      body: () => ({ stage: "contacted" }),
    },
    "POST /v1/studios/{studioId}/leads/{leadId}/notes": {
      action: "lead.note",
      allow: SEE_K1,
      path: (w) => s(w, `/leads/${w.extra.leadK1}/notes`),
      body: () => ({ body: "Called back" }),
    },
    "POST /v1/studios/{studioId}/leads/{leadId}/contact-attempts": {
      action: "lead.note",
      allow: SEE_K1,
      path: (w) => s(w, `/leads/${w.extra.leadK1}/contact-attempts`),
      body: () => ({}),
    },
    "POST /v1/studios/{studioId}/leads/{leadId}/merge": {
      action: "lead.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/leads/${w.extra.leadK1}/merge`),
      body: (w) => ({ duplicateId: w.extra.mergeTarget }),
      target: (w) => w.extra.leadK1!,
      fresh: async (w) => {
        const duplicate = await lead(w);
        w.extra.mergeTarget = duplicate.id;
        return duplicate;
      },
    },
    "POST /v1/studios/{studioId}/leads/{leadId}/convert": {
      action: "lead.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w, t) => s(w, `/leads/${t}/convert`),
      body: () => ({}),
      target: (w) => w.extra.leadK1!,
      fresh: lead,
    },
    "GET /v1/studios/{studioId}/leads/{leadId}/tasks": { action: "lead.view", allow: SEE_K1, path: (w) => s(w, `/leads/${w.extra.leadK1}/tasks`) },
    "POST /v1/studios/{studioId}/leads/{leadId}/tasks": {
      action: "lead.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/leads/${w.extra.leadK1}/tasks`),
      body: () => ({ title: "Follow up", dueOn: "2030-02-01" }),
    },
    "PATCH /v1/studios/{studioId}/leads/{leadId}/tasks/{taskId}": adminOnly({
      action: "lead.manage",
      path: (w) => s(w, `/leads/${w.extra.leadK1}/tasks/${w.extra.taskT1}`),
      body: () => ({ title: "Call again" }),
    }),
  },
};
