import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { isConditionalFailure } from "../../kernel/db/conditional-failure";
import { announcementMessage, emailBrand } from "../../email";
import { notice, optedOutAmong, unsubscribable } from "../../notifications";
import { outboxEmail } from "../../outbox";
import type { DeliveryReceiptRecord } from "../../delivery-receipts/module";
import type { StudioRecord } from "../../studios/module";
import { announcementMailing, type AnnouncementRecord } from "../announcement.entity";
import { messagingDb } from "../messaging-db";
import { announcementUrl } from "./announcement-links";
import { resolveAudience, storedAudience, type AnnouncementRecipient } from "./audience";

/** Copies handed to the outbox per transaction: the emails and the announcement's progress in one write of at most 100 items. */
const BATCH = 99;
export const PREVIEW_LENGTH = 160;

/**
 * A minute's worth of the account's SES send rate (`SES_SEND_RATE` emails a second, 14 for a new
 * production account): what the job hands the outbox a minute, across announcements. Read here,
 * not in the shared config, which every Lambda carries.
 */
export const minuteBudget = () => Math.max(1, Number(process.env.SES_SEND_RATE) || 14) * 60;

/** Why an address with email on record got no copy: it stopped announcements by email, or takes them in its daily digest. */
const STOPPED_BY_EMAIL = "Stopped announcements by email";

/**
 * The copies of a page of receipts for the outbox: an email for each one queued, and, when the
 * announcement is in the app too, a held copy (never sent) for each address that stopped the
 * emails, which files its notice in the recipient's notification centre and daily digest.
 */
const copiesOf = (studio: StudioRecord, a: AnnouncementRecord, receipts: DeliveryReceiptRecord[]) =>
  receipts.flatMap((r) => {
    if (!r.destination) return [];
    if (r.status === "queued") return [{ ...copyFor(studio, a, r), hold: false }];
    return a.inApp && r.detail === STOPPED_BY_EMAIL ? [{ ...copyFor(studio, a, r), hold: true }] : [];
  });

/** Another runner moved the announcement first (its cursor or status is not as read). */
class AnnouncementRace extends Error {}

/** How each recipient gets it: by email (`queued`) or in the app only, and why. */
async function receiptsOf(studio: StudioRecord, a: AnnouncementRecord, recipients: AnnouncementRecipient[], at: string) {
  const optedOut = a.email
    ? await optedOutAmong(
        studio.studioId,
        recipients.flatMap((r) => (r.email ? [r.email] : [])),
        "announcements",
      )
    : new Set<string>();
  const mailed = new Set<string>();
  const preview = a.body.replace(/\s+/g, " ").trim().slice(0, PREVIEW_LENGTH);
  const receipts: DeliveryReceiptRecord[] = [];
  for (const r of recipients) {
    let detail: string | undefined;
    if (!a.email) detail = "Sent in the app only";
    else if (!r.email) detail = "No email address on record";
    else if (optedOut.has(r.email)) detail = STOPPED_BY_EMAIL;
    else if (mailed.has(r.email)) detail = "Shares an address already mailed";
    // Without email, only someone who signs in (or may later) gets it: in the app.
    if (detail && !a.inApp) continue;
    if (!detail) mailed.add(r.email!);
    receipts.push({
      scope: studio.studioId,
      mailing: announcementMailing(a.announcementId),
      recipient: r.party,
      label: r.name,
      ...(r.email ? { destination: r.email } : {}),
      status: detail ? "in-app" : "queued",
      ...(detail ? { detail } : {}),
      mailingAt: at,
      title: a.subject,
      preview,
      createdAt: at,
      updatedAt: at,
    });
  }
  return receipts;
}

/**
 * Starts an announcement going out: resolves its audience as it is now, writes every recipient's
 * delivery receipt (BatchWriteItem, 25 a request), then records the counts, conditional on nobody
 * having started it meanwhile. Returns the announcement as it now is.
 */
async function start(studio: StudioRecord, a: AnnouncementRecord, now: Date): Promise<AnnouncementRecord> {
  const at = now.toISOString();
  const { label, recipients } = await resolveAudience(studio.studioId, storedAudience(a));
  const receipts = await receiptsOf(studio, a, recipients, at);
  const { announcement, deliveryReceipt } = messagingDb().entities;
  if (receipts.length > 0) await deliveryReceipt.put(receipts).go();
  const emailCount = receipts.filter((r) => r.status === "queued").length;
  const started = {
    recipientCount: receipts.length,
    emailCount,
    audienceLabel: label,
    status: "sending" as const,
    startedAt: at,
    sentAt: at,
    dueDay: at.slice(0, 10),
    dueAt: at,
  };
  try {
    await announcement
      .patch({ studioId: a.studioId, announcementId: a.announcementId })
      .set(started)
      .where((attr, op) => `${op.notExists(attr.recipientCount)} AND (${op.eq(attr.status, "scheduled")} OR ${op.eq(attr.status, "sending")})`)
      .go();
  } catch (error) {
    if (isConditionalFailure(error)) throw new AnnouncementRace();
    throw error;
  }
  return { ...a, ...started };
}

/** One recipient's copy of the email. */
function copyFor(studio: StudioRecord, a: AnnouncementRecord, receipt: DeliveryReceiptRecord) {
  const to = receipt.destination!;
  return {
    scope: studio.studioId,
    messageId: `announcement#${a.announcementId}#${receipt.recipient}`,
    to,
    brand: emailBrand(studio),
    receipt: { mailing: receipt.mailing, recipient: receipt.recipient },
    // Sent in the app too: the bell shows it (announcements sent by email alone stay in the mailbox).
    ...(a.inApp
      ? {
          notice: notice(studio, "announcements", `announcement:${a.announcementId}`, {
            link: announcementUrl(studio.studioId, a.announcementId, receipt.recipient),
          }),
        }
      : {}),
    email: announcementMessage({
      studioName: studio.name,
      greetingName: receipt.label.split(" ")[0] || receipt.label,
      subject: a.subject,
      body: a.body,
      authorName: a.authorName,
      audienceLabel: a.audienceLabel,
      open: { label: "Read it in StudioSync", url: announcementUrl(studio.studioId, a.announcementId, receipt.recipient) },
      unsubscribe: unsubscribable(studio, to, "announcements"),
    }),
  };
}

export interface AnnouncementStep {
  queued: number;
  finished: boolean;
}

/**
 * Moves an announcement that is due along by at most `budget` emails: started (audience resolved,
 * receipts written) if it was not, then batches of 99 copies, each in one transaction with the
 * announcement's cursor and count (conditional on the cursor as read, so two runners never hand
 * the same batch twice; the outbox's own key refuses a copy twice anyway). Done when the receipts
 * run out: `sent`, off the job's index. Another runner having moved it first ends the step quietly.
 */
export async function advanceAnnouncement(studio: StudioRecord, due: AnnouncementRecord, now: Date, budget: number): Promise<AnnouncementStep> {
  const step: AnnouncementStep = { queued: 0, finished: false };
  try {
    let a = due.recipientCount === undefined ? await start(studio, due, now) : due;
    const { deliveryReceipt } = messagingDb().entities;
    const mailing = announcementMailing(a.announcementId);
    const key = { studioId: a.studioId, announcementId: a.announcementId };
    while (step.queued < budget) {
      const limit = Math.min(BATCH, budget - step.queued);
      const query = deliveryReceipt.query.receipt({ scope: a.studioId, mailing });
      const { data, cursor } = await (a.cursor ? query.gt({ recipient: a.cursor }) : query).go({ limit, pages: 1 });
      const copies = copiesOf(studio, a, data);
      const emailed = copies.filter((copy) => !copy.hold).length;
      const last = data.at(-1)?.recipient;
      const finished = !cursor || data.length < limit;
      const queuedCount = a.queuedCount + emailed;
      await commitWrites(
        messagingDb,
        (t) => {
          const progress = finished
            ? t.announcement
                .patch(key)
                .set({ status: "sent", queuedCount, ...(last ? { cursor: last } : {}) })
                .remove(["dueDay", "dueAt"])
            : t.announcement.patch(key).set({ queuedCount, cursor: last! });
          const asRead = progress.where(
            (attr, op) => `${op.eq(attr.status, "sending")} AND ${a.cursor ? op.eq(attr.cursor, a.cursor) : op.notExists(attr.cursor)}`,
          );
          return [...copies.map((copy) => outboxEmail(t, copy, now)), failsWith(asRead.commit(), () => new AnnouncementRace())];
        },
        { raced: () => new AnnouncementRace() },
      );
      step.queued += emailed;
      a = { ...a, queuedCount, ...(last ? { cursor: last } : {}) };
      if (finished) {
        step.finished = true;
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof AnnouncementRace)) throw error;
  }
  return step;
}
