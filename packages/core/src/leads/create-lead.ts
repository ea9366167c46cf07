import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { commitWrites } from "../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { searchKeys, withoutEmpty } from "../people";
import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";
import { phoneKeyOf } from "./lead-intake";
import { NEW_STAGE } from "./lead-stages";
import type { LeadStagesRecord } from "./lead-stages.entity";
import { referenceChecks } from "./lead-references";
import { toLead } from "./lead-view";
import type { CreateLeadInput } from "./schemas";
import { assertLostReason, countWrite, leadStagesRead, stageOf, stagesOf } from "./stage-config";

/** A new lead's record from what staff entered (or an import row). */
export function newLeadRecord(
  studioId: string,
  input: Omit<CreateLeadInput, "source"> & { source: LeadRecord["source"]; importHash?: string },
  stage: string,
  actorId: string,
  now: string,
): LeadRecord {
  const { source: _source, stage: _stage, contactEmail, contactPhone, ...fields } = withoutEmpty(input);
  const source = input.source;
  const contactName = input.contactName?.trim() || `${input.studentFirstName} ${input.studentLastName}`;
  return {
    ...fields,
    studioId,
    leadId: uuidv7(),
    source,
    stage,
    stageChangedAt: now,
    stageHistory: [{ stage: NEW_STAGE, at: now }, ...(stage === NEW_STAGE ? [] : [{ stage, at: now }])],
    studentFirstName: input.studentFirstName,
    studentLastName: input.studentLastName,
    contactName,
    ...(contactEmail ? { contactEmail } : {}),
    ...(contactPhone ? { contactPhone } : {}),
    phoneKey: phoneKeyOf(contactPhone),
    contactAttempts: 0,
    ...searchKeys(`${input.studentFirstName} ${input.studentLastName}`, contactEmail),
    listing: "listed",
    createdBy: actorId,
    updatedBy: actorId,
    createdAt: now,
    updatedAt: now,
  };
}

/** Staff entry of a lead (owners, admins): a new lead in the given stage (default "new"), counted on the board in the same transaction. */
export async function createLead(actor: Actor, studioId: string, input: CreateLeadInput) {
  const { member, records } = await loadMemberWith(actor, studioId, leadStagesRead(studioId));
  assertMay(member, "lead.manage");
  const stage = stageOf(stagesOf(records[0] as LeadStagesRecord | null), input.stage ?? NEW_STAGE).key;
  assertLostReason(stage, undefined);
  const record = newLeadRecord(studioId, { ...input, source: input.source ?? "staff" }, stage, actor.userId, new Date().toISOString());
  await commitWrites(leadsDb, (tx) => [
    tx.lead.create(record).commit(),
    ...countWrite(tx, studioId, { to: stage }),
    ...referenceChecks(tx, studioId, record),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "lead.created", entityType: "lead", entityId: record.leadId, after: record }),
  ]);
  return toLead(record);
}
