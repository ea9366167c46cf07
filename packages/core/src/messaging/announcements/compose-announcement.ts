import { v7 as uuidv7 } from "uuid";
import { isConditionalFailure } from "../../kernel/db/conditional-failure";
import { itemOf } from "../../kernel/db/read-together";
import { logFailure } from "../../kernel/log/log-failure";
import { AppError, invalidField, notFound } from "../../kernel/errors";
import { announcementMessage, emailBrand } from "../../email";
import { outboxEmail } from "../../outbox";
import { assertMay, loadMemberWith, loadStudioMember, type Actor } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { commitWrites } from "../../kernel/db/commit-writes";
import type { AnnouncementRecord, AnnouncementStatus } from "../announcement.entity";
import { messagingDb } from "../messaging-db";
import { announcementsUrl } from "./announcement-links";
import { audienceAttributes, resolveAudience } from "./audience";
import { toAnnouncementSummary } from "./read-announcements";
import type { ComposeAnnouncementInput } from "./schemas";
import { advanceAnnouncement } from "./send-announcement";

/** A schedule at most this far ahead. */
const MAX_AHEAD_DAYS = 366;
/** Sending now hands this many emails to the outbox in the request; the job (every minute) does the rest. */
const FIRST_STEP = 200;

const editable: AnnouncementStatus[] = ["draft", "scheduled"];
const alreadySent = () => new AppError("announcement.sent", "This announcement has gone out: it can no longer be changed or called off");

/** When it goes: kept as a draft, at `sendAt` (in the future, within a year), or now. */
function timing(input: ComposeAnnouncementInput, now: Date) {
  if (input.draft) return { status: "draft" as const, sendAt: input.sendAt };
  if (!input.sendAt) return { status: "sending" as const, due: now.toISOString() };
  const at = Date.parse(input.sendAt);
  if (at <= now.getTime()) throw invalidField("sendAt", "must be in the future (leave it out to send now)");
  if (at > now.getTime() + MAX_AHEAD_DAYS * 86_400_000) throw invalidField("sendAt", "must be within a year");
  const sendAt = new Date(at).toISOString();
  return { status: "scheduled" as const, sendAt, due: sendAt };
}

async function author(actor: Actor, studioId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(messagingDb().entities.user, { userId: actor.userId }));
  assertMay(member, "announcement.manage");
  return { studio, user: records[0] };
}

/** The record of what was written: the text, the audience (checked, and named), how and when. */
async function composed(studio: StudioRecord, input: ComposeAnnouncementInput, now: Date) {
  const { label } = await resolveAudience(studio.studioId, input.audience);
  const when = timing(input, now);
  return {
    subject: input.subject,
    body: input.body,
    ...audienceAttributes(input.audience),
    audienceLabel: label,
    email: input.email,
    inApp: input.inApp,
    status: when.status,
    ...(when.sendAt ? { sendAt: when.sendAt } : {}),
    ...(when.due ? { dueDay: when.due.slice(0, 10), dueAt: when.due } : {}),
  };
}

/** Sending now: the first batch goes out in the request (its failure leaves the rest to the job). */
async function firstStep(studio: StudioRecord, a: AnnouncementRecord, now: Date): Promise<AnnouncementRecord> {
  if (a.status !== "sending") return a;
  try {
    await advanceAnnouncement(studio, a, now, FIRST_STEP);
  } catch (error) {
    logFailure(`announcement ${a.studioId}/${a.announcementId} first step`, error);
  }
  const { data } = await messagingDb().entities.announcement.get({ studioId: a.studioId, announcementId: a.announcementId }).go({ consistent: true });
  return data ?? a;
}

/**
 * Writes an announcement (owners and admins): a draft, scheduled, or sent now. The audience is
 * checked (an unknown teacher, class, band or person is 422 naming it) and resolved again when it
 * goes out, so it reaches whoever is in it then.
 */
export async function createAnnouncement(actor: Actor, studioId: string, input: ComposeAnnouncementInput, now = new Date()) {
  const { studio, user } = await author(actor, studioId);
  const at = now.toISOString();
  const record: AnnouncementRecord = {
    studioId,
    announcementId: uuidv7(),
    ...(await composed(studio, input, now)),
    queuedCount: 0,
    authorName: user?.name ?? studio.name,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  await messagingDb().entities.announcement.create(record).go();
  return toAnnouncementSummary(await firstStep(studio, record, now));
}

/** Rewrites a draft or a scheduled announcement (and may send it now); one that went out is 409 `announcement.sent`. */
export async function updateAnnouncement(actor: Actor, studioId: string, announcementId: string, input: ComposeAnnouncementInput, now = new Date()) {
  const { studio } = await author(actor, studioId);
  const { announcement } = messagingDb().entities;
  const { data: current } = await announcement.get({ studioId, announcementId }).go({ consistent: true });
  if (!current) throw notFound("Announcement");
  if (!editable.includes(current.status)) throw alreadySent();
  const next = await composed(studio, input, now);
  const patch = announcement.patch({ studioId, announcementId }).set(next);
  const cleared = [
    ...(next.sendAt ? [] : (["sendAt"] as const)),
    ...(next.dueAt ? [] : (["dueDay", "dueAt"] as const)),
    ...(next.picked ? [] : (["picked"] as const)),
    ...(next.audienceId ? [] : (["audienceId"] as const)),
  ];
  try {
    await (cleared.length ? patch.remove([...cleared]) : patch).where((a, op) => op.eq(a.status, current.status)).go();
  } catch (error) {
    if (isConditionalFailure(error)) throw alreadySent();
    throw error;
  }
  const updated: AnnouncementRecord = { ...current, ...next };
  for (const field of cleared) delete updated[field];
  return toAnnouncementSummary(await firstStep(studio, updated, now));
}

/** Deletes a draft, or calls off a scheduled announcement (kept, `cancelled`); one that went out is 409. */
export async function cancelAnnouncement(actor: Actor, studioId: string, announcementId: string) {
  await author(actor, studioId);
  const { announcement } = messagingDb().entities;
  const { data: current } = await announcement.get({ studioId, announcementId }).go({ consistent: true });
  if (!current) throw notFound("Announcement");
  if (!editable.includes(current.status)) throw alreadySent();
  try {
    if (current.status === "draft") {
      await announcement
        .delete({ studioId, announcementId })
        .where((a, op) => op.eq(a.status, "draft"))
        .go();
      return { deleted: true, announcement: null };
    }
    await announcement
      .patch({ studioId, announcementId })
      .set({ status: "cancelled" })
      .remove(["dueDay", "dueAt"])
      .where((a, op) => op.eq(a.status, "scheduled"))
      .go();
  } catch (error) {
    if (isConditionalFailure(error)) throw alreadySent();
    throw error;
  }
  return { deleted: false, announcement: toAnnouncementSummary({ ...current, status: "cancelled", dueDay: undefined, dueAt: undefined }) };
}

const SAMPLE = 20;

/** The email one recipient would get (a test's, to its author, says so). */
function rendered(studio: StudioRecord, input: ComposeAnnouncementInput, label: string, authorName: string, greetingName: string, test: boolean) {
  return announcementMessage({
    studioName: studio.name,
    greetingName,
    subject: input.subject,
    body: input.body,
    authorName,
    audienceLabel: label,
    // Recipients get a link to their own copy; a preview or a test, to the studio's announcements.
    open: { label: "Read it in StudioSync", url: announcementsUrl(studio.studioId) },
    test,
  });
}

/** Whom an announcement as written would reach now, and its email as the first of them would read it (nothing is saved or sent). */
export async function previewAnnouncement(actor: Actor, studioId: string, input: ComposeAnnouncementInput) {
  const { studio, user } = await author(actor, studioId);
  const { label, recipients } = await resolveAudience(studioId, input.audience);
  const emailCount = input.email ? new Set(recipients.flatMap((r) => (r.email ? [r.email] : []))).size : 0;
  const email = rendered(studio, input, label, user?.name ?? studio.name, recipients[0]?.firstName ?? "there", false);
  return {
    audienceLabel: label,
    recipientCount: recipients.length,
    emailCount,
    inAppCount: input.inApp ? recipients.length : 0,
    sample: recipients.slice(0, SAMPLE).map((r) => ({ name: r.name, email: r.email ?? null })),
    subject: email.subject,
    html: email.html,
    text: email.text,
  };
}

/** Sends the announcement as written to its author's own address only, marked as a test. */
export async function testAnnouncement(actor: Actor, studioId: string, input: ComposeAnnouncementInput, now = new Date()) {
  const { studio, user } = await author(actor, studioId);
  if (!user?.email) throw invalidField("email", "your login has no address to send a test to");
  const { label } = await resolveAudience(studioId, input.audience);
  const to = user.email.toLowerCase();
  await commitWrites(messagingDb, (t) => [
    outboxEmail(
      t,
      {
        scope: studioId,
        messageId: `announcement-test#${uuidv7()}#${actor.userId}`,
        to,
        brand: emailBrand(studio),
        email: rendered(studio, input, label, user.name ?? studio.name, user.name?.split(" ")[0] || "there", true),
      },
      now,
    ),
  ]);
  return { sentTo: to };
}
