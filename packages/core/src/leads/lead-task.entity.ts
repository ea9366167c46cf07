import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * A follow-up task on a lead: what to do, by when (a local date in the studio's zone), and who
 * (a staff member's user id). The owner's tasks by status, then due date, are gsi1 (the open ones
 * are one partition: the follow-up job's query); a lead's tasks are gsi3 (re-linked to the
 * surviving lead by a merge, which changes `leadId`).
 */
export const LeadTaskEntity = new Entity({
  model: { entity: "leadTask", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    taskId: { type: "string", required: true, readOnly: true },
    leadId: { type: "string", required: true },
    title: { type: "string", required: true },
    dueOn: { type: "string", required: true },
    ownerId: { type: "string", required: true },
    status: { type: ["open", "done"] as const, required: true },
    doneAt: { type: "string" },
    doneBy: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    leadTask: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["taskId"] } },
    tasksByOwner: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "status", "ownerId"] },
      sk: { field: "gsi1sk", composite: ["dueOn", "taskId"] },
    },
    tasksByLead: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "leadId"] },
      sk: { field: "gsi3sk", composite: ["taskId"] },
    },
  },
});

/**
 * The follow-up job's work queue: an open task keyed by its due day, across studios (a
 * deliberate cross-tenant partition read only by the job). Written with the task, moved with its
 * due date or owner, deleted when it is done. `taskId` "overdue" is the owner's carry-over: the
 * next day's email while tasks stay overdue.
 */
export const LeadTaskDueEntity = new Entity({
  model: { entity: "leadTaskDue", version: "1", service: SERVICE },
  attributes: {
    day: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    ownerId: { type: "string", required: true, readOnly: true },
    taskId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    leadTaskDue: { pk: { field: "pk", composite: ["day"] }, sk: { field: "sk", composite: ["studioId", "ownerId", "taskId"] } },
  },
});

/** "Follow-ups due" sent to an owner for a local day: written with the email, so a day's email goes once. */
export const LeadFollowUpSentEntity = new Entity({
  model: { entity: "leadFollowUpSent", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    ownerId: { type: "string", required: true, readOnly: true },
    day: { type: "string", required: true, readOnly: true },
    taskIds: { type: "list", items: { type: "string" } },
    ...timestamps,
  },
  indexes: {
    leadFollowUpSent: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["ownerId", "day"] } },
  },
});

export type LeadTaskRecord = EntityItem<typeof LeadTaskEntity>;
export type LeadTaskDueRecord = EntityItem<typeof LeadTaskDueEntity>;
