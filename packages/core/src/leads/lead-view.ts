import type { LeadRecord } from "./lead.entity";
import type { LeadTaskRecord } from "./lead-task.entity";
import type { Lead, LeadTask } from "./lead-schema";

export type { Lead, LeadTask };

export const toLead = (r: LeadRecord): Lead => ({
  id: r.leadId,
  source: r.source,
  stage: r.stage,
  stageChangedAt: r.stageChangedAt,
  stageHistory: r.stageHistory,
  lostReason: r.lostReason ?? null,
  studentFirstName: r.studentFirstName,
  studentLastName: r.studentLastName,
  studentAge: r.studentAge ?? null,
  instrument: r.instrument ?? null,
  level: r.level ?? null,
  contactName: r.contactName,
  contactEmail: r.contactEmail ?? null,
  contactPhone: r.contactPhone ?? null,
  availability: r.availability ?? null,
  message: r.message ?? null,
  ownerId: r.ownerId ?? null,
  assignedTeacherId: r.assignedTeacherId ?? null,
  tags: r.tags ?? [],
  contactAttempts: r.contactAttempts ?? 0,
  lastContactedAt: r.lastContactedAt ?? null,
  nextFollowUpOn: r.nextFollowUpOn ?? null,
  walkInOn: r.walkInOn ?? null,
  trialBookingId: r.trialBookingId ?? null,
  trialStart: r.trialStart ?? null,
  trialTeacherId: r.trialTeacherId ?? null,
  convertedAt: r.convertedAt ?? null,
  familyId: r.familyId ?? null,
  studentId: r.studentId ?? null,
  mergedInto: r.mergedInto ?? null,
  mergedFrom: r.mergedFrom ?? [],
  notes: (r.notes ?? []).map((n) => ({ id: n.noteId, kind: n.kind, body: n.body, by: n.by, at: n.at })),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toLeadTask = (r: LeadTaskRecord, today: string): LeadTask => ({
  id: r.taskId,
  leadId: r.leadId,
  title: r.title,
  dueOn: r.dueOn,
  ownerId: r.ownerId,
  status: r.status,
  isOverdue: r.status === "open" && r.dueOn < today,
  doneAt: r.doneAt ?? null,
  createdAt: r.createdAt,
});
