import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import { scrubberOf } from "./erase-mentions";
import { privacyDb } from "./privacy-db";
import { rewriteAuditEvents, type AuditChanges } from "./rewrite-audit";
import type { SubjectRecord } from "./subject";

const ERASED = "[erased]";
/** Free text about the loan written by staff (why it was declined, how it came back): kept, the person's name and email scrubbed, as in invoice notes. */
const STAFF_TEXT = ["returnNotes", "closeReason"] as const;

/** The loans an erasure reaches: a student's own; for a guardian, their family's (the children's, made while in the family). */
async function loansReached(subject: SubjectRecord) {
  if (subject.type === "teacher") return [];
  const { studioId, familyId } = subject.record;
  const { loan, family } = privacyDb().entities;
  const studentIds = subject.type === "student" ? [subject.id] : familyId ? [...((await family.get({ studioId, familyId }).go()).data?.studentIds ?? [])] : [];
  const pages = await Promise.all(studentIds.map((studentId) => loan.query.loansByStudent({ studioId, studentId }).go({ pages: "all" })));
  return pages.flatMap((page) => page.data).filter((record) => subject.type === "student" || record.familyId === familyId);
}

/**
 * Erasure of the person's loans (lending), done like their invoices: the loan stays, with its
 * item, quantity, dates, condition, deposit, fee and billing charge ids (what the money and the
 * item's stock need), while what is personal goes. A student's own loans lose the request note
 * (their household's words), and a request still waiting is cancelled (it leaves the studio's
 * queue; no unit was taken for it). A loan out stays out: the item is still with the family, its
 * units stay taken until it is returned, which works as before. The staff's notes (return notes,
 * reason for declining) keep their text without the person's name and email; for a guardian,
 * only that scrubbing, in their family's loans. The loans' audit events lose the same values.
 * Idempotent: erasing again changes nothing more.
 */
export async function eraseLoans(subject: SubjectRecord, actorId: string) {
  const { studioId } = subject.record;
  const scrub = scrubberOf(subject);
  const own = subject.type === "student";
  const { loan } = privacyDb().entities;
  let loans = 0;
  let cancelled = 0;
  for (const record of await loansReached(subject)) {
    const note = own ? undefined : record.requestNote;
    const texts = Object.fromEntries(STAFF_TEXT.flatMap((field) => (record[field] ? [[field, scrub.text(record[field]!)]] : [])));
    const cancel = own && record.status === "requested";
    const now = new Date().toISOString();
    const set = {
      ...texts,
      ...(note !== undefined ? { requestNote: scrub.text(note) } : {}),
      ...(cancel ? { status: "cancelled" as const, closedBy: actorId, closedAt: now } : {}),
    };
    const remove = [...(own && record.requestNote !== undefined ? ["requestNote" as const] : []), ...(cancel ? ["openState" as const] : [])];
    const rewritten = STAFF_TEXT.some((field) => record[field] !== texts[field]) || (note !== undefined && set.requestNote !== note);
    if (cancel) {
      await commitWrites(privacyDb, (tx) => [
        failsWith(
          tx.loan
            .patch({ studioId, loanId: record.loanId })
            .set(set)
            .remove(remove)
            .where((a, op) => op.eq(a.status, "requested"))
            .commit(),
          () => conflict("privacy.subject_changed", "A loan request was decided meanwhile; try again"),
        ),
        recordAudit(tx, {
          studioId,
          actorId,
          action: "loan.cancelled",
          entityType: "loan",
          entityId: record.loanId,
          before: { status: "requested" },
          after: { status: "cancelled" },
        }),
      ]);
      cancelled++;
    } else if (remove.length > 0) await loan.patch({ studioId, loanId: record.loanId }).set(set).remove(remove).go();
    else if (rewritten) await loan.patch({ studioId, loanId: record.loanId }).set(set).go();
    if (cancel || remove.length > 0 || rewritten) loans++;
    await rewriteAuditEvents(studioId, "loan", record.loanId, (changes) => {
      const heldNote = own && [changes.requestNote?.before, changes.requestNote?.after].some((v) => v !== undefined && v !== null && v !== ERASED);
      if (!heldNote && !scrub.mentions(changes)) return null;
      const out = scrub.deep(changes) as AuditChanges;
      if (heldNote) {
        const { before, after } = changes.requestNote!;
        out.requestNote = { before: before === null || before === undefined ? null : ERASED, after: after === null || after === undefined ? null : ERASED };
      }
      return out;
    });
  }
  return { loans, cancelled };
}
