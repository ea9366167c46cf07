import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { AppError, conflict, invalidField } from "../kernel/errors";
import { createInvitation } from "../invitations";
import { newFamilyRecord, newGuardianRecord, newStudentRecord } from "../people";
import { SKILL_LEVELS } from "../people/module";
import type { Actor } from "../policy";
import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";
import { loadLead } from "./lead-access";
import { toLead } from "./lead-view";
import type { ConvertLeadInput } from "./schemas";
import { countWrite, ENROLLED_STAGE } from "./stage-config";
import { leadChanged, unchangedSince } from "./update-lead";

/** A step done right after the conversion's transaction: what it made, or why it could not. */
export type FollowUpOutcome = { id: string } | { error: { code: string; message: string } } | null;

const outcomeOf = async (step: () => Promise<{ id: string }>): Promise<FollowUpOutcome> => {
  try {
    return { id: (await step()).id };
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.reason, message: error.message } };
    throw error;
  }
};

/** The contact's first and last name: "Ana Lima" → Ana / Lima; a single word takes the student's last name. */
function contactNames(lead: LeadRecord, input: ConvertLeadInput) {
  const words = lead.contactName.trim().split(/\s+/);
  const first = input.guardianFirstName ?? words[0] ?? lead.studentFirstName;
  const last = input.guardianLastName ?? (words.length > 1 ? words.slice(1).join(" ") : lead.studentLastName);
  return { firstName: first.slice(0, 80), lastName: last.slice(0, 80) };
}

const skillLevelOf = (lead: LeadRecord, input: ConvertLeadInput) =>
  input.skillLevel ??
  ((SKILL_LEVELS as readonly string[]).find((level) => level === lead.level?.trim().toLowerCase()) as (typeof SKILL_LEVELS)[number] | undefined);

/**
 * One-click conversion (owners, admins). ONE transaction writes the family (named after the
 * contact), the contact as its guardian (email, phone), the student (name, instrument, level,
 * teacher; the age stays on the lead, no birth date is needed) in the family, the lead as
 * `enrolled` with `convertedAt`, `familyId` and `studentId` (on condition it is unchanged, so it
 * converts once), the board counts and the audit events; the people module's record builders
 * make the records. Then, as a step of its own because it writes through its own use case, the
 * guardian's invitation (invitations module); its outcome is in the response (`invitation`), and a
 * refused invitation leaves the conversion done. The first weekly lesson is planning's
 * createPattern with the new `studentId` (POST …/recurring-patterns, the planning Lambda: clash
 * checks, lessons to the horizon, the family's series email), right after; an admission into a
 * group class (the classes module's `admit`) is a step of the same kind. Both stay out of this
 * module so the leads Lambda stays within its bundle budget.
 */
export async function convertLead(actor: Actor, studioId: string, leadId: string, input: ConvertLeadInput) {
  const { lead, studio } = await loadLead(actor, studioId, leadId, "lead.manage");
  if (lead.convertedAt) throw conflict("lead.converted", "This lead was converted already");
  if (input.inviteGuardian && !lead.contactEmail) throw invalidField("inviteGuardian", "the lead has no contact email to invite");
  const now = new Date().toISOString();
  const actorId = actor.userId;
  const guardianName = contactNames(lead, input);
  const familyId = uuidv7();
  const guardianId = uuidv7();
  const studentId = uuidv7();
  const primaryTeacherId = input.primaryTeacherId ?? lead.assignedTeacherId;
  const family = {
    ...newFamilyRecord(
      studioId,
      familyId,
      {
        name: input.familyName ?? `${guardianName.lastName} family`,
        ...(lead.contactEmail ? { billingEmail: lead.contactEmail } : {}),
        ...(lead.contactPhone ? { phone: lead.contactPhone } : {}),
      },
      actorId,
      now,
      [studentId],
    ),
    primaryContactId: guardianId,
  };
  const guardian = newGuardianRecord(
    studioId,
    familyId,
    guardianId,
    {
      ...guardianName,
      relationship: "parent",
      ...(lead.contactEmail ? { email: lead.contactEmail } : {}),
      ...(lead.contactPhone ? { phone: lead.contactPhone } : {}),
    },
    actorId,
    now,
  );
  const level = skillLevelOf(lead, input);
  const student = newStudentRecord(
    studioId,
    {
      firstName: lead.studentFirstName,
      lastName: lead.studentLastName,
      familyId,
      ...(lead.instrument ? { instrument: lead.instrument } : {}),
      ...(level ? { skillLevel: level } : {}),
      ...(primaryTeacherId ? { primaryTeacherId } : {}),
    },
    studio.timeZone,
    actorId,
    now,
    studentId,
  );
  const history = [...lead.stageHistory, { stage: ENROLLED_STAGE, at: now }];
  const converted = { stage: ENROLLED_STAGE, stageChangedAt: now, stageHistory: history, convertedAt: now, familyId, studentId, updatedBy: actorId };
  await commitWrites(leadsDb, (tx) => [
    tx.family.create(family).commit(),
    tx.guardian.create(guardian).commit(),
    tx.student.create(student).commit(),
    ...(primaryTeacherId
      ? [
          failsWith(
            tx.teacher
              .check({ studioId, teacherId: primaryTeacherId })
              .where((a, op) => op.eq(a.listing, "listed"))
              .commit(),
            () => invalidField("primaryTeacherId", "must be a teacher of this studio"),
          ),
        ]
      : []),
    failsWith(
      tx.lead
        .patch({ studioId, leadId })
        .set(converted)
        .remove(["lostReason"])
        .where(unchangedSince(lead) as never)
        .commit(),
      leadChanged,
    ),
    ...countWrite(tx, studioId, { from: lead.stage, to: ENROLLED_STAGE }),
    recordAudit(tx, { studioId, actorId, action: "family.created", entityType: "family", entityId: familyId, after: { name: family.name } }),
    recordAudit(tx, { studioId, actorId, action: "guardian.created", entityType: "guardian", entityId: guardianId, after: guardianName }),
    recordAudit(tx, {
      studioId,
      actorId,
      action: "student.created",
      entityType: "student",
      entityId: studentId,
      after: { firstName: student.firstName, lastName: student.lastName },
    }),
    recordAudit(tx, {
      studioId,
      actorId,
      action: "lead.converted",
      entityType: "lead",
      entityId: leadId,
      before: { stage: lead.stage },
      after: { familyId, studentId },
    }),
  ]);
  const after = { ...lead, ...converted, updatedAt: now };
  delete (after as { lostReason?: string }).lostReason;

  const invitation =
    input.inviteGuardian && lead.contactEmail
      ? await outcomeOf(() => createInvitation(actor, studioId, { email: lead.contactEmail!, role: "parent", guardianId, familyId }))
      : null;
  return { lead: toLead(after), familyId, guardianId, studentId, invitation };
}
