import { v7 as uuidv7 } from "uuid";
import { searchKeys } from "../people";
import type { LeadRecord, LeadSource } from "./lead.entity";
import { leadsDb, type LeadsTx } from "./leads-db";
import { countWrite } from "./stage-config";
import { DEFAULT_LEAD_STAGES, NEW_STAGE, TRIAL_BOOKED_STAGE } from "./lead-stages";

/** What a public booking, an enquiry or an import knows about a prospective student. */
export interface LeadIntake {
  source: LeadSource;
  student: { firstName: string; lastName: string; age?: number; instrument?: string; level?: string };
  contact: { name: string; email?: string; phone?: string };
  availability?: string;
  message?: string;
  /** The teacher the visitor chose (a teacher page, a booking). */
  teacherId?: string;
  trial?: { bookingId: string; start: string; teacherId: string };
}

/** A phone number's digits: "+44 (0)20 7946-0958" and "+44 020 79460958" are one number. */
export const phoneKeyOf = (phone: string | undefined | null) => {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 6 ? digits : "~";
};

const sameStudent = (lead: LeadRecord, intake: LeadIntake) =>
  searchKeys(`${lead.studentFirstName} ${lead.studentLastName}`).nameKey === searchKeys(`${intake.student.firstName} ${intake.student.lastName}`).nameKey;

/** Whether a lead is still being worked: listed, not converted, not merged away. */
export const isOpenLead = (lead: LeadRecord) => lead.listing === "listed" && !lead.convertedAt && !lead.mergedInto && !lead.deletedAt;

/**
 * The studio's open lead for the same student from the same contact (email, else phone), if any:
 * a parent who enquires and then books a trial for the same child is one lead, not two; a second
 * child of the same parent is a lead of their own. One query of the email (or phone) index.
 */
export async function matchingLead(studioId: string, intake: LeadIntake): Promise<LeadRecord | undefined> {
  const lead = leadsDb().entities.lead;
  const email = intake.contact.email?.trim().toLowerCase();
  const phoneKey = phoneKeyOf(intake.contact.phone);
  const { data } = email
    ? await lead.query.leadsByEmail({ studioId, listing: "listed" }).begins({ emailKey: email }).go({ limit: 50, pages: 1 })
    : phoneKey !== "~"
      ? await lead.query.leadsByPhone({ studioId, listing: "listed" }).begins({ phoneKey }).go({ limit: 50, pages: 1 })
      : { data: [] as LeadRecord[] };
  return data
    .filter((found) => (email ? found.emailKey === email : found.phoneKey === phoneKey))
    .find((found) => isOpenLead(found) && sameStudent(found, intake));
}

/** The order of the built-in stages: a trial moves a lead forward to "trial booked", never back. */
const stageRank = (stage: string) => {
  const index = DEFAULT_LEAD_STAGES.findIndex((s) => s.key === stage);
  return index < 0 ? 0 : index;
};

/** A transaction with the lead entity (any service that composes the leads module). */
export type LeadTx = Pick<LeadsTx, "lead" | "leadStages">;

/**
 * The write that records an intake in the caller's transaction: a new lead, or the matching open
 * lead brought up to date (a trial moves it to "trial booked"; the newest message and availability
 * are kept; missing details filled in). Returns the lead's id with the write, and `writes`: the
 * write with the board's stage count kept in step (commit these). `newLeadId` lets the caller
 * name a new lead before the transaction (its emails link to it).
 */
export function leadIntakeWrite(
  tx: LeadTx,
  studioId: string,
  intake: LeadIntake,
  existing: LeadRecord | undefined,
  actorId: string,
  now: string,
  newLeadId: string = uuidv7(),
) {
  const trial = intake.trial ? { trialBookingId: intake.trial.bookingId, trialStart: intake.trial.start, trialTeacherId: intake.trial.teacherId } : {};
  const details = {
    ...(intake.student.age !== undefined ? { studentAge: intake.student.age } : {}),
    ...(intake.student.instrument ? { instrument: intake.student.instrument } : {}),
    ...(intake.student.level ? { level: intake.student.level } : {}),
    ...(intake.availability ? { availability: intake.availability } : {}),
    ...(intake.message ? { message: intake.message } : {}),
    ...(intake.teacherId ? { assignedTeacherId: intake.teacherId } : {}),
  };
  if (existing) {
    const forward = intake.trial && stageRank(existing.stage) < stageRank(TRIAL_BOOKED_STAGE);
    const moved = forward
      ? { stage: TRIAL_BOOKED_STAGE, stageChangedAt: now, stageHistory: [...existing.stageHistory, { stage: TRIAL_BOOKED_STAGE, at: now }] }
      : {};
    const phone = !existing.contactPhone && intake.contact.phone ? { contactPhone: intake.contact.phone, phoneKey: phoneKeyOf(intake.contact.phone) } : {};
    const write = tx.lead
      .patch({ studioId, leadId: existing.leadId })
      .set({ ...details, ...trial, ...moved, ...phone, updatedBy: actorId })
      .where((a, op) => op.eq(a.listing, "listed"))
      .commit();
    // The board's counts follow the move (commit `writes`, which is `write` with the count).
    return {
      leadId: existing.leadId,
      created: false,
      write,
      writes: [write, ...countWrite(tx, studioId, { from: existing.stage, to: forward ? TRIAL_BOOKED_STAGE : existing.stage })],
    };
  }
  const leadId = newLeadId;
  const stage = intake.trial ? TRIAL_BOOKED_STAGE : NEW_STAGE;
  const stageHistory = [{ stage: NEW_STAGE, at: now }, ...(stage === NEW_STAGE ? [] : [{ stage, at: now }])];
  const contactName = intake.contact.name.trim() || `${intake.student.firstName} ${intake.student.lastName}`;
  const item = {
    studioId,
    leadId,
    source: intake.source,
    stage,
    stageChangedAt: now,
    stageHistory,
    studentFirstName: intake.student.firstName,
    studentLastName: intake.student.lastName,
    contactName,
    ...(intake.contact.email ? { contactEmail: intake.contact.email.trim().toLowerCase() } : {}),
    ...(intake.contact.phone ? { contactPhone: intake.contact.phone } : {}),
    phoneKey: phoneKeyOf(intake.contact.phone),
    contactAttempts: 0,
    ...details,
    ...trial,
    ...searchKeys(`${intake.student.firstName} ${intake.student.lastName}`, intake.contact.email),
    listing: "listed" as const,
    createdBy: actorId,
    updatedBy: actorId,
    createdAt: now,
    updatedAt: now,
  };
  const write = tx.lead.put(item).commit();
  return { leadId, created: true, write, writes: [write, ...countWrite(tx, studioId, { to: stage })] };
}
