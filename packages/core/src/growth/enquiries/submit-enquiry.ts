import { v7 as uuidv7 } from "uuid";
import type { RequestContext } from "../../accounts";
import { PUBLIC_ACTOR } from "../../access-requests";
import { recordAudit } from "../../audit";
import { commitWritesOr, rejectedAs } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { idempotencyRecordRead, isReplay, recordIdempotentOutcome } from "../../idempotency";
import { leadIntakeWrite, matchingLead, type LeadIntake } from "../../leads";
import { outboxEmails } from "../../outbox";
import type { TeacherRecord } from "../../people/module";
import { BookingRace, isListedTeacher, withBookingRetry } from "../../scheduling";
import { assertWithinLimits, countAttempt } from "../../rate-limit";
import { liveStudioBySlug } from "../../studios";
import { growthDb } from "../growth-db";
import { enquiryAcknowledgement, leadNewsForStaff } from "../trials/lead-notices";
import { counterReads, counterStates, formCounters, PUBLIC_FORM_LIMITS } from "../trials/public-limits";
import type { EnquiryInput } from "../trials/schemas";

/**
 * A visitor who does not book sends an enquiry from the studio's (or a teacher's) public page. It
 * becomes a lead (the matching open lead of the same student and contact brought up to date, or a
 * new one at "new"), with an acknowledgement to the sender and the lead to the owners and admins
 * (and the teacher written to), in one transaction. Counts against per-address and per-IP limits;
 * a retry under the same Idempotency-Key records and sends nothing again. Losing a race on the
 * board's counts (another lead written at the same moment) reruns it from a fresh read.
 */
export function submitEnquiry(slug: string, input: EnquiryInput, context: RequestContext = {}): Promise<void> {
  return withBookingRetry(() => submitOnce(slug, input, context));
}

async function submitOnce(slug: string, input: EnquiryInput, context: RequestContext): Promise<void> {
  const { idempotency } = context;
  const studio = await liveStudioBySlug(slug);
  const { studioId } = studio;
  const counters = formCounters(PUBLIC_FORM_LIMITS.enquiriesPerEmail, PUBLIC_FORM_LIMITS.enquiriesPerIp, input.contact.email, context.ip);
  const intake: LeadIntake = {
    source: "enquiry",
    student: input.student,
    contact: input.contact,
    ...(input.availability ? { availability: input.availability } : {}),
    ...(input.message ? { message: input.message } : {}),
  };
  const [found, existing] = await Promise.all([
    readTogether(
      ...(input.teacherId ? [itemOf(growthDb().entities.teacher, { studioId, teacherId: input.teacherId })] : []),
      ...counterReads(counters),
      ...(idempotency ? [idempotencyRecordRead(idempotency)] : []),
    ),
    matchingLead(studioId, intake),
  ]);
  const teacher = input.teacherId ? (found[0] as TeacherRecord | null) : null;
  const shown = teacher && isListedTeacher(teacher) && teacher.isPublic === true && teacher.isActive !== false ? teacher : null;
  const offset = input.teacherId ? 1 : 0;
  const earlier = idempotency ? (found[offset + counters.length] as { requestHash: string; expiresAt?: number } | null) : null;
  if (idempotency && isReplay(idempotency, earlier)) return;
  assertWithinLimits(counterStates(counters, found.slice(offset, offset + counters.length)));

  const at = new Date().toISOString();
  const leadId = existing?.leadId ?? uuidv7();
  const key = `${leadId}#${at}`;
  const emails = [
    enquiryAcknowledgement(studio, input, key),
    ...(await leadNewsForStaff(
      studio,
      {
        event: "enquiry",
        leadId,
        student: input.student,
        contact: input.contact,
        ...(input.availability ? { availability: input.availability } : {}),
        ...(input.message ? { message: input.message } : {}),
        key,
      },
      shown,
    )),
  ];
  await commitWritesOr(
    growthDb,
    (tx) => [
      ...(idempotency ? [rejectedAs(recordIdempotentOutcome(tx, idempotency, 202), "duplicate")] : []),
      ...leadIntakeWrite(tx, studioId, { ...intake, ...(shown ? { teacherId: shown.teacherId } : {}) }, existing, PUBLIC_ACTOR, at, leadId).writes,
      recordAudit(tx, {
        studioId,
        actorId: PUBLIC_ACTOR,
        action: "enquiry.received",
        entityType: "lead",
        entityId: leadId,
        after: { email: input.contact.email, student: `${input.student.firstName} ${input.student.lastName}` },
      }),
      ...counters.map((k) => countAttempt(tx, k)),
      ...outboxEmails(tx, emails),
    ],
    { raced: () => new BookingRace() },
  );
}
