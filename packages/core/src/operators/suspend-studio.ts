import { recordAudit } from "../audit";
import { studioSuspendedMessage, studioUnsuspendedMessage, type RenderedEmail } from "../email";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { conflict, notFound } from "../kernel/errors";
import { outboxEmails, type OutboxEmail } from "../outbox";
import { loadOperatorWith, studioOwners, type Actor, type PausedReason, type PlatformOperator } from "../policy";
import { workspaceUrl } from "../studios";
import type { StudioRecord } from "../studios/module";
import type { OperatorActionName } from "./operator-action.entity";
import { recordOperatorAction } from "./operator-actions";
import { operatorsDb } from "./operators-db";
import type { SuspendStudioInput, UnsuspendStudioInput } from "./schemas";
import { openInvoiceRecords, pausesForPayment } from "./studio-summary";

/** What a suspension or its lifting answers: the studio's pause now. */
export interface SuspensionOutcome {
  id: string;
  name: string;
  pausedReason: PausedReason | null;
  pausedAt: string | null;
}

async function loadStudio(actor: Actor, studioId: string) {
  const { operator, records } = await loadOperatorWith(actor, itemOf(operatorsDb().entities.studio, { studioId }));
  const [studio] = records;
  if (!studio || studio.deletedAt) throw notFound("Studio");
  return { operator, studio };
}

/** One email per owner of the studio, keyed by the action's flow and the owner (a retry mails nobody twice). */
async function ownersEmails(studioId: string, flow: string, render: (greetingName: string) => RenderedEmail): Promise<OutboxEmail[]> {
  const owners = await studioOwners(studioId);
  return owners.map((owner) => ({ scope: studioId, messageId: `${flow}#${owner.userId}`, to: owner.email, email: render(owner.name) }));
}

interface PauseChange {
  operator: PlatformOperator;
  studio: StudioRecord;
  action: OperatorActionName;
  next: PausedReason | null;
  reason?: string;
  emails: OutboxEmail[];
  now: Date;
}

/**
 * Writes the studio's new pause, on condition it is still the one read, with the event in the
 * studio's audit log, the entry in the operators' log and the owners' emails: one transaction.
 */
async function changePause({ operator, studio, action, next, reason, emails, now }: PauseChange): Promise<SuspensionOutcome> {
  const { studioId } = studio;
  const at = now.toISOString();
  const was = studio.pausedReason ?? null;
  // Since when the workspace is read-only: a pause that goes on (unpaid, then suspended, then unpaid) keeps its start.
  const pausedAt = next ? (was ? (studio.pausedAt ?? at) : at) : null;
  const before = { pausedReason: was };
  const after = { pausedReason: next };
  const rejected = await commitWritesOr(operatorsDb, (tx) => [
    rejectedAs(
      (next
        ? tx.studio.patch({ studioId }).set({ pausedReason: next, pausedAt: pausedAt! })
        : tx.studio.patch({ studioId }).remove(["pausedReason", "pausedAt"])
      )
        .where((a, op) => `${was ? op.eq(a.pausedReason, was) : op.notExists(a.pausedReason)} AND ${op.notExists(a.deletedAt)}`)
        .commit(),
      "changed",
    ),
    recordAudit(tx, {
      studioId,
      actorId: operator.userId,
      action,
      entityType: "studio",
      entityId: studioId,
      before,
      after: reason ? { ...after, reason } : after,
    }),
    recordOperatorAction(tx, {
      action,
      actorId: operator.userId,
      actorEmail: operator.email,
      subject: { type: "studio", id: studioId, name: studio.name },
      reason,
      before,
      after,
      at,
    }),
    outboxEmails(tx, emails, now),
  ]);
  if (rejected) throw conflict("studio.changed", "The studio changed meanwhile: look at it again and retry");
  return { id: studioId, name: studio.name, pausedReason: next, pausedAt };
}

/**
 * Suspends a studio (operators): its workspace becomes read-only for its members (403
 * `studio.paused` to every change; reading, exporting and paying go on), its owners are emailed
 * the reason, and both audit logs record who did it and why. A studio paused for an unpaid
 * invoice can be suspended too (the suspension then stands until lifted, paid or not).
 */
export async function suspendStudio(actor: Actor, studioId: string, input: SuspendStudioInput, now = new Date()): Promise<SuspensionOutcome> {
  const { operator, studio } = await loadStudio(actor, studioId);
  if (studio.pausedReason === "suspended") throw conflict("studio.already_suspended", "This studio is suspended already");
  const action = "studio.suspended" as const;
  const flow = `studio-suspended#${now.getTime()}`;
  const emails = await ownersEmails(studioId, flow, (greetingName) =>
    studioSuspendedMessage({ studioName: studio.name, greetingName, reason: input.reason, url: workspaceUrl(studioId) }),
  );
  return changePause({ operator, studio, action, next: "suspended", reason: input.reason, emails, now });
}

/**
 * Lifts a studio's suspension (operators). A studio whose platform invoice went unpaid past its
 * dunning ladder meanwhile stays paused, as unpaid (paying turns it back on); one paused only for
 * an unpaid invoice is not suspended, and stays as it is (409 `studio.not_suspended`).
 */
export async function unsuspendStudio(actor: Actor, studioId: string, input: UnsuspendStudioInput, now = new Date()): Promise<SuspensionOutcome> {
  const { operator, studio } = await loadStudio(actor, studioId);
  if (studio.pausedReason !== "suspended") {
    throw conflict(
      "studio.not_suspended",
      studio.pausedReason === "unpaid"
        ? "This studio is paused for an unpaid StudioSync invoice, not suspended: paying the invoice unpauses it"
        : "This studio is not suspended",
    );
  }
  const stillUnpaid = (await openInvoiceRecords(studioId)).some(pausesForPayment);
  const url = workspaceUrl(studioId, stillUnpaid ? "/settings/usage" : "");
  const emails = await ownersEmails(studioId, `studio-unsuspended#${now.getTime()}`, (greetingName) =>
    studioUnsuspendedMessage({ studioName: studio.name, greetingName, stillUnpaid, url }),
  );
  return changePause({ operator, studio, action: "studio.unsuspended", next: stillUnpaid ? "unpaid" : null, reason: input.reason, emails, now });
}
