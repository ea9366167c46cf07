import { recordAudit } from "../audit";
import { db, type WriteTx } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import { searchKeys } from "../people";
import { eraseDocumentsOf } from "../resources";
import { assertMay, type Actor } from "../policy";
import { ERASED_NAME, erasedFields, erasureAuditTrail, PERSONAL_FIELDS } from "./anonymise";
import { eraseClassNames } from "./erase-class-names";
import { eraseLoans } from "./erase-loans";
import { eraseMentions } from "./erase-mentions";
import { redactAuditHistory } from "./redact-audit-history";
import type { PrivacyRequest } from "./schemas";
import { loadSubject, type SubjectRecord } from "./subject";

export interface ErasureResult {
  subject: { type: SubjectRecord["type"]; id: string; familyId?: string };
  firstName: string;
  lastName: string;
  /** The fields this request changed; empty when the person was already erased. */
  erasedFields: string[];
  erasedAt: string;
}

/** The anonymising write: new name and search keys (so searches no longer find the person), personal fields removed. */
function erasureWrite(tx: WriteTx, subject: SubjectRecord, actorId: string) {
  const keys = searchKeys(`${ERASED_NAME.firstName} ${ERASED_NAME.lastName}`, null);
  const changes = { ...ERASED_NAME, ...keys, updatedBy: actorId };
  const { studioId, updatedAt } = subject.record;
  switch (subject.type) {
    case "student":
      return tx.student
        .patch({ studioId, studentId: subject.id })
        .set({ ...changes, listing: subject.record.listing, primaryTeacherId: subject.record.primaryTeacherId })
        .remove([...PERSONAL_FIELDS.student])
        .where((a, op) => op.eq(a.updatedAt, updatedAt))
        .commit();
    case "teacher":
      return tx.teacher
        .patch({ studioId, teacherId: subject.id })
        .set({ ...changes, listing: subject.record.listing, isPublic: false })
        .remove([...PERSONAL_FIELDS.teacher])
        .where((a, op) => op.eq(a.updatedAt, updatedAt))
        .commit();
    case "guardian":
      return tx.guardian
        .patch({ studioId, familyId: subject.record.familyId, guardianId: subject.id })
        .set({ ...changes, listing: subject.record.listing })
        .remove([...PERSONAL_FIELDS.guardian])
        .where((a, op) => op.eq(a.updatedAt, updatedAt))
        .commit();
  }
}

/**
 * Erases a person's personal data (owner, admin) by anonymising their record in place: it stays,
 * listed as "Erased Person" with its id, links and amounts, so lessons and invoices still add up.
 * Email, phone, address, birth date, emergency contact, medical notes, notes and bios are removed
 * and the name and email search keys rewritten. Recorded as "privacy.erased" with the names of
 * the erased fields, not their values; the record's earlier audit events lose those values too.
 * First, what mentions the person elsewhere is erased (erase-mentions.ts: export files, billing
 * account name, invoice lines, invitations, access requests, other records' audit events) and
 * in their loans (erase-loans.ts: notes, a request still waiting cancelled), so a failure midway
 * is finished by erasing again. Erasing again is harmless (nothing left to change).
 */
export async function eraseSubject(actor: Actor, studioId: string, input: PrivacyRequest): Promise<ErasureResult> {
  const { member, subject } = await loadSubject(actor, studioId, input.subject);
  assertMay(member, "privacy.erase");
  const fields = erasedFields(subject.type, subject.record as Record<string, unknown>);
  const { before, after } = erasureAuditTrail(fields);
  await eraseMentions(subject, subject.record.userId ?? undefined);
  await eraseLoans(subject, actor.userId);
  if (subject.type === "student") await eraseClassNames(subject.record.studioId, subject.id);
  if (subject.type !== "guardian") await eraseDocumentsOf(studioId, subject.type, subject.id);

  await commitWrites(db, (tx) => [
    failsWith(erasureWrite(tx, subject, actor.userId), () => conflict("privacy.subject_changed", "The record changed meanwhile; try again")),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "privacy.erased", entityType: subject.type, entityId: subject.id, before, after }),
  ]);
  await redactAuditHistory(studioId, subject.type, subject.id);

  return {
    subject: { type: subject.type, id: subject.id, ...(subject.type === "guardian" ? { familyId: subject.record.familyId } : {}) },
    ...ERASED_NAME,
    erasedFields: fields,
    erasedAt: new Date().toISOString(),
  };
}
