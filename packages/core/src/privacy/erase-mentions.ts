import { db } from "../db";
import { deleteObjects } from "../files";
import { ERASED_NAME } from "./anonymise";
import { accountIdsOf, upTo } from "./export-sections";
import { EXPORT_PREFIX } from "./export-files";
import { privacyDb } from "./privacy-db";
import { rewriteAuditEvents, type AuditChanges } from "./rewrite-audit";
import type { SubjectRecord } from "./subject";

const ERASED_FULL_NAME = `${ERASED_NAME.firstName} ${ERASED_NAME.lastName}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces the person's full name and email in any text (any case) with "Erased Person" / "[erased]". */
export function scrubberOf(subject: SubjectRecord) {
  const { firstName, lastName, email } = subject.record;
  const needles: [RegExp, string][] = [[new RegExp(escape(`${firstName} ${lastName}`), "gi"), ERASED_FULL_NAME]];
  if (email) needles.push([new RegExp(escape(email), "gi"), "[erased]"]);
  const text = (value: string) => needles.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), value);
  const deep = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)]));
    return value;
  };
  return { text, deep, mentions: (value: unknown) => JSON.stringify(deep(value)) !== JSON.stringify(value) };
}

/** The person's privacy exports, from the subject's "privacy.exported" audit events. */
async function exportKeysOf(studioId: string, subject: SubjectRecord): Promise<string[]> {
  const { data } = await db().entities.auditEvent.query.auditByEntity({ studioId, entityType: subject.type, entityId: subject.id }).go({ pages: "all" });
  return data
    .filter((event) => event.action === "privacy.exported")
    .map((event) => (event.changes as AuditChanges | undefined)?.key?.after)
    .filter((key): key is string => typeof key === "string" && key.startsWith(EXPORT_PREFIX));
}

/** Invitations and access requests of the studio made with the person's email: deleted (their email cannot be rewritten). */
async function requestsWithEmail(studioId: string, email: string | undefined) {
  if (!email) return { invitations: [], accessRequests: [] };
  const { invitation, accessRequest } = privacyDb().entities;
  const same = (other: string) => other.toLowerCase() === email.toLowerCase();
  const [invitations, requests] = await Promise.all([
    upTo((cursor) => invitation.query.invitation({ studioId }).go({ cursor, limit: 250 }), Number.MAX_SAFE_INTEGER),
    upTo((cursor) => accessRequest.query.accessRequest({ studioId }).go({ cursor, limit: 250 }), Number.MAX_SAFE_INTEGER),
  ]);
  return {
    invitations: invitations.items.filter((i) => same(i.email)).map((i) => i.invitationId),
    accessRequests: requests.items.filter((r) => same(r.email)).map((r) => r.requestId),
  };
}

/**
 * What an erasure reaches beyond the person's own record, done before the record is anonymised so
 * erasing again finds (and finishes) everything: their export files are deleted at once; their
 * billing account's name and the invoice lines naming them are rewritten; invitations and access
 * requests with their email are deleted; and the audit events of those records, their family and
 * their membership lose the name and email. Returns how many records changed.
 */
export async function eraseMentions(subject: SubjectRecord, linkedUserId: string | undefined) {
  const { studioId } = subject.record;
  const scrub = scrubberOf(subject);
  const { billingAccount, invoice, payment, invitation, accessRequest } = privacyDb().entities;
  const accountIds = accountIdsOf(subject);

  const [exportKeys, requests, invoices, payments] = await Promise.all([
    exportKeysOf(studioId, subject),
    requestsWithEmail(studioId, subject.record.email ?? undefined),
    Promise.all(accountIds.map((accountId) => invoice.query.invoicesByAccount({ studioId, accountId }).go({ pages: "all" }))),
    Promise.all(accountIds.map((accountId) => payment.query.paymentsByAccount({ studioId, accountId }).go({ pages: "all", attributes: ["paymentId"] }))),
  ]);
  await deleteObjects(exportKeys);

  // Only a student's own account is named after them (a family's is named after the family).
  const ownAccount = subject.type === "student" ? (await billingAccount.get({ studioId, accountId: subject.id }).go()).data : null;
  if (ownAccount && ownAccount.name !== ERASED_FULL_NAME) {
    await billingAccount.patch({ studioId, accountId: subject.id }).set({ name: ERASED_FULL_NAME }).go();
  }
  // An invoice names the person in its lines (descriptions), notes and history (who was emailed).
  const named = invoices.flatMap((page) => page.data).filter((record) => scrub.mentions([record.lines, record.notes, record.history]));
  for (const record of named) {
    await invoice
      .patch({ studioId, invoiceId: record.invoiceId })
      .set({
        lines: scrub.deep(record.lines) as typeof record.lines,
        ...(record.history ? { history: scrub.deep(record.history) as typeof record.history } : {}),
        ...(record.notes ? { notes: scrub.text(record.notes) } : {}),
      })
      .go();
  }
  await Promise.all([
    ...requests.invitations.map((invitationId) => invitation.delete({ studioId, invitationId }).go()),
    ...requests.accessRequests.map((requestId) => accessRequest.delete({ studioId, requestId }).go()),
  ]);

  const others: [string, string][] = [
    ...accountIds.map((id): [string, string] => ["billingAccount", id]),
    ...invoices.flatMap((page) => page.data.map((r): [string, string] => ["invoice", r.invoiceId])),
    ...payments.flatMap((page) => page.data.map((r): [string, string] => ["payment", r.paymentId])),
    ...requests.invitations.map((id): [string, string] => ["invitation", id]),
    ...(subject.type !== "teacher" && subject.record.familyId ? [["family", subject.record.familyId] as [string, string]] : []),
    ...(linkedUserId ? [["member", linkedUserId] as [string, string]] : []),
  ];
  let auditEvents = 0;
  for (const [entityType, entityId] of others) {
    auditEvents += await rewriteAuditEvents(studioId, entityType, entityId, (changes) =>
      scrub.mentions(changes) ? (scrub.deep(changes) as AuditChanges) : null,
    );
  }
  return {
    exportFiles: exportKeys.length,
    invoices: named.length,
    invitations: requests.invitations.length,
    accessRequests: requests.accessRequests.length,
    auditEvents,
  };
}
