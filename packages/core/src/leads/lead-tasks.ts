import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { conflict, invalidField } from "../kernel/errors";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../policy";
import { leadsDb } from "./leads-db";
import { loadLead, studioToday } from "./lead-access";
import type { LeadTaskRecord } from "./lead-task.entity";
import { referenceChecks } from "./lead-references";
import { toLeadTask } from "./lead-view";
import type { CreateLeadTaskInput, UpdateLeadTaskInput } from "./schemas";

/** A lead keeps at most this many tasks (a merge moves them in one transaction). */
export const MAX_LEAD_TASKS = 40;

const taskChanged = () => conflict("lead.changed", "The task changed meanwhile; reload and try again");

/**
 * A follow-up task on a lead (owners, admins): its owner (default the lead's owner, else the
 * caller) is emailed on the due day with their other due and overdue tasks. The task and its
 * work-queue item (keyed by the due day) are written together.
 */
export async function createLeadTask(actor: Actor, studioId: string, leadId: string, input: CreateLeadTaskInput) {
  const { lead, studio } = await loadLead(actor, studioId, leadId, "lead.manage");
  const now = new Date().toISOString();
  const record: LeadTaskRecord = {
    studioId,
    taskId: uuidv7(),
    leadId,
    title: input.title,
    dueOn: input.dueOn,
    ownerId: input.ownerId ?? lead.ownerId ?? actor.userId,
    status: "open",
    createdBy: actor.userId,
    updatedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await commitWrites(leadsDb, (tx) => [
    tx.leadTask.create(record).commit(),
    tx.leadTaskDue.create({ day: record.dueOn, studioId, ownerId: record.ownerId, taskId: record.taskId }).commit(),
    failsWith(
      tx.lead
        .check({ studioId, leadId })
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      () => hiddenRecord("Lead"),
    ),
    ...referenceChecks(tx, studioId, { ownerId: record.ownerId }),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lead_task.created", entityType: "lead_task", entityId: record.taskId, after: record }),
  ]);
  return toLeadTask(record, studioToday(studio));
}

/** Changes a task (owners, admins): title, due date, owner, or done/open; the work queue follows. */
export async function updateLeadTask(actor: Actor, studioId: string, leadId: string, taskId: string, input: UpdateLeadTaskInput) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(leadsDb().entities.leadTask, { studioId, taskId }));
  assertMay(member, "lead.manage");
  const task = records[0] as LeadTaskRecord | null;
  if (!task || task.leadId !== leadId) throw hiddenRecord("Task");
  const now = new Date().toISOString();
  const status = input.status ?? task.status;
  if (status === "done") {
    // The work queue follows open tasks only: a done task keeps its date and owner until it is reopened.
    for (const field of ["dueOn", "ownerId"] as const) {
      if (input[field] !== undefined && input[field] !== task[field]) throw invalidField(field, "cannot change on a done task; reopen it first");
    }
  }
  const after: LeadTaskRecord = {
    ...task,
    ...(input.title ? { title: input.title } : {}),
    ...(input.dueOn ? { dueOn: input.dueOn } : {}),
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    status,
    updatedBy: actor.userId,
    updatedAt: now,
  };
  if (status === "done") {
    if (task.status !== "done") Object.assign(after, { doneAt: now, doneBy: actor.userId });
  } else {
    delete after.doneAt;
    delete after.doneBy;
  }
  const queued = task.status === "open";
  const queue = after.status === "open";
  const moved = queued !== queue || task.dueOn !== after.dueOn || task.ownerId !== after.ownerId;
  const { studioId: _s, taskId: _t, createdAt: _c, createdBy: _cb, doneAt, doneBy, ...changes } = after;
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      (queue
        ? tx.leadTask.patch({ studioId, taskId }).set(changes).remove(["doneAt", "doneBy"])
        : tx.leadTask
            .patch({ studioId, taskId })
            .set({ title: after.title, status: "done", updatedBy: actor.userId, ...(doneAt ? { doneAt, doneBy: doneBy! } : {}) })
            .composite({ ownerId: task.ownerId, dueOn: task.dueOn })
      )
        .where((a, op) => op.eq(a.updatedAt, task.updatedAt))
        .commit(),
      taskChanged,
    ),
    ...(moved && queued ? [tx.leadTaskDue.delete({ day: task.dueOn, studioId, ownerId: task.ownerId, taskId }).commit()] : []),
    ...(moved && queue ? [tx.leadTaskDue.put({ day: after.dueOn, studioId, ownerId: after.ownerId, taskId }).commit()] : []),
    ...referenceChecks(tx, studioId, { ownerId: input.ownerId }),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lead_task.updated", entityType: "lead_task", entityId: taskId, before: task, after }),
  ]);
  return toLeadTask(after, studioToday(studio));
}

/** A lead's tasks, newest first (whoever sees the lead). */
export async function listLeadTasks(actor: Actor, studioId: string, leadId: string) {
  const { studio } = await loadLead(actor, studioId, leadId, "lead.view");
  const { data } = await leadsDb().entities.leadTask.query.tasksByLead({ studioId, leadId }).go({ limit: 100, pages: 1, order: "desc" });
  const today = studioToday(studio);
  return { items: data.map((t) => toLeadTask(t, today)), nextCursor: null };
}
