import { v7 as uuidv7 } from "uuid";
import { claimEmail, hashPassword, newSession } from "../accounts";
import { recordAudit } from "../audit";
import { db, type WriteTx } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { AppError, conflict, type FieldError } from "../kernel/errors";
import { openInvitation } from "./open-invitation";
import type { InvitationRecord } from "./invitation-view";
import { linkProfile } from "./profile-link";
import type { AcceptInvitationInput } from "./schemas";

const alreadyMember = () => conflict("invitation.already_joined", "You are already a member of this studio. Sign in to continue.");
const usedMeanwhile = () => new AppError("invitation.used", "This invitation has already been used.");

/**
 * Accepts an invitation. A verified login for the email gets the membership added (they sign in
 * with their password); otherwise the person accepting chooses a name and password, and a new
 * user and login are created (the email counts as verified: they got the link) and signed in.
 * An unverified login for the email is someone's unconfirmed sign-up, perhaps not the owner's:
 * it is replaced, password and all, never joined. Either way one transaction: invitation
 * pending → accepted (single use), membership, profile link, audit events.
 */
export async function acceptInvitation(input: AcceptInvitationInput, now = Date.now(), userAgent?: string) {
  const { record, studio, expired, reason } = await openInvitation(input.token, now);
  if (expired && reason) throw reason;
  const { data: credential } = await db().entities.credential.get({ email: record.email }).go();
  const result = credential?.emailVerifiedAt
    ? await joinWithExistingLogin(record, credential, now)
    : await joinWithNewLogin(record, input, credential, now, userAgent);
  return { ...result, role: record.role, studio: { id: studio.studioId, name: studio.name, slug: studio.slug } };
}

/** The invitation's status change: fails (usedMeanwhile) if it was accepted, revoked or resent since the read. */
const markAccepted = (tx: WriteTx, record: InvitationRecord, userId: string, at: string) =>
  failsWith(
    tx.invitation
      .patch({ studioId: record.studioId, invitationId: record.invitationId })
      .set({ status: "accepted", acceptedAt: at, acceptedBy: userId, updatedBy: userId })
      .where((a, op) => `${op.eq(a.status, "pending")} AND ${op.eq(a.sentCount, record.sentCount)} AND ${op.gt(a.validUntil, at)}`)
      .commit(),
    usedMeanwhile,
  );

const links = (r: InvitationRecord) => ({ teacherId: r.teacherId, studentId: r.studentId, guardianId: r.guardianId, familyId: r.familyId });

function auditJoin(tx: WriteTx, record: InvitationRecord, userId: string, at: string) {
  const membership = { role: record.role, ...links(record) };
  return [
    recordAudit(tx, {
      studioId: record.studioId,
      actorId: userId,
      action: "invitation.accepted",
      entityType: "invitation",
      entityId: record.invitationId,
      before: { status: "pending" },
      after: { status: "accepted", acceptedAt: at, acceptedBy: userId },
    }),
    recordAudit(tx, { studioId: record.studioId, actorId: userId, action: "member.added", entityType: "member", entityId: userId, after: membership }),
  ];
}

async function joinWithExistingLogin(record: InvitationRecord, credential: { userId: string; email: string }, now: number) {
  const { studioId } = record;
  const userId = credential.userId;
  const { data: existing } = await db().entities.membership.get({ studioId, userId }).go();
  if (existing && !existing.deletedAt) throw alreadyMember();
  const at = new Date(now).toISOString();
  const membership = { studioId, userId, role: record.role, ...links(record), createdBy: userId, updatedBy: userId };
  await commitWrites(db, (tx) => {
    const profile = linkProfile(tx, studioId, links(record), userId);
    return [
      markAccepted(tx, record, userId, at),
      failsWith(
        existing
          ? // A removed member invited back: the old membership is replaced (only while it is still removed).
            tx.membership
              .put(membership)
              .where((a, op) => op.exists(a.deletedAt))
              .commit()
          : tx.membership.create(membership).commit(),
        alreadyMember,
      ),
      ...(profile ? [profile] : []),
      ...auditJoin(tx, record, userId, at),
    ];
  });
  return { userId, email: credential.email, newAccount: false, session: null };
}

/** A new account for the invited email; `unverified` is a login it replaces (see acceptInvitation). */
async function joinWithNewLogin(
  record: InvitationRecord,
  input: AcceptInvitationInput,
  unverified: { userId: string; sessionEpoch: number } | null,
  now: number,
  userAgent?: string,
) {
  const errors: FieldError[] = [];
  if (!input.name) errors.push({ path: "name", message: "is required to create your account" });
  if (!input.password) errors.push({ path: "password", message: "is required to create your account" });
  if (!input.name || !input.password) throw new AppError("validation_failed", "The request has invalid fields", { errors });
  const { studioId, email } = record;
  const userId = uuidv7();
  const at = new Date(now).toISOString();
  const passwordHash = await hashPassword(input.password);
  const session = newSession({ userId, email, sessionEpoch: unverified ? unverified.sessionEpoch + 1 : 0 }, now, userAgent);
  const accountCreatedMeanwhile = () =>
    conflict("invitation.account_created_meanwhile", "An account with this email was just created. Open the link again to join with it.");
  await commitWrites(db, (tx) => {
    const profile = linkProfile(tx, studioId, links(record), userId);
    return [
      markAccepted(tx, record, userId, at),
      failsWith(claimEmail(tx, { email, userId, passwordHash, emailVerifiedAt: at }, unverified ?? undefined, now), accountCreatedMeanwhile),
      ...(profile ? [profile] : []),
      tx.user.create({ userId, email, name: input.name!, emailVerifiedAt: at }).commit(),
      tx.membership.create({ studioId, userId, role: record.role, ...links(record), createdBy: userId, updatedBy: userId }).commit(),
      ...auditJoin(tx, record, userId, at),
      ...session.writes(tx),
    ];
  });
  return { userId, email, newAccount: true, session: { ...session.tokens, user: { id: userId, email } } };
}
