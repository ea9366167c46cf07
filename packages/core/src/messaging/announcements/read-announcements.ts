import { z } from "zod";
import { notFound } from "../../kernel/errors";
import { page } from "../../kernel/pagination/pagination";
import { RECEIPT_STATUSES, type DeliveryReceiptRecord } from "../../delivery-receipts/module";
import { assertMay, isStudioAdmin, loadStudioMember, may, type Actor, type StudioMember } from "../../policy";
import { announcementMailing, type AnnouncementRecord } from "../announcement.entity";
import { messagingDb } from "../messaging-db";
import { memberParties, STUDIO_PARTY } from "../parties";
import type { AnnouncementQuery, ListAnnouncementsQuery } from "./schemas";
import type { AnnouncementCountsSchema, AnnouncementSummarySchema } from "./views";

export function toAnnouncementSummary(a: AnnouncementRecord): z.infer<typeof AnnouncementSummarySchema> {
  return {
    id: a.announcementId,
    subject: a.subject,
    status: a.status,
    audience: { kind: a.audienceKind, label: a.audienceLabel },
    email: a.email,
    inApp: a.inApp,
    sendAt: a.sendAt ?? null,
    sentAt: a.status === "sending" || a.status === "sent" ? (a.sentAt ?? null) : null,
    createdAt: a.createdAt,
    authorName: a.authorName,
    recipientCount: a.recipientCount ?? null,
    emailCount: a.emailCount ?? null,
    queuedCount: a.queuedCount,
  };
}

const toRecipient = (r: DeliveryReceiptRecord) => ({
  party: r.recipient,
  name: r.label,
  email: r.destination ?? null,
  status: r.status,
  detail: r.detail ?? null,
  sentAt: r.sentAt ?? null,
  deliveredAt: r.deliveredAt ?? null,
  openedAt: r.openedAt ?? null,
  readAt: r.readAt ?? null,
});

/** The member's own party that announcements reach (a teacher's, a guardian's, a student's; not the studio's). */
const receivingParty = (member: StudioMember) => memberParties(member).find((party) => party !== STUDIO_PARTY);

/**
 * The studio's announcements, newest first (`box=sent`, owners and admins, the default for them),
 * or those sent to the caller (`box=received`, everyone else's default), each one Query.
 */
export async function listAnnouncements(actor: Actor, studioId: string, query: ListAnnouncementsQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  const box = query.box ?? (isStudioAdmin(member) ? "sent" : "received");
  const { announcement, deliveryReceipt } = messagingDb().entities;
  if (box === "sent") {
    assertMay(member, "announcement.manage");
    const result = await page(
      { studioId, list: "announcements" },
      (options) => announcement.query.announcement({ studioId }).go({ ...options, order: "desc" }),
      query,
    );
    return { box, sent: result.items.map(toAnnouncementSummary), received: [], nextCursor: result.nextCursor };
  }
  const party = receivingParty(member);
  if (!party) return { box, sent: [], received: [], nextCursor: null };
  const result = await page(
    { studioId, list: "announcements-received", params: { party } },
    (options) => deliveryReceipt.query.receiptsOf({ scope: studioId, recipient: party }).go({ ...options, order: "desc" }),
    query,
  );
  const received = result.items
    .filter((r) => r.mailing.startsWith("announcement:"))
    .map((r) => ({ id: r.mailing.slice("announcement:".length), subject: r.title, preview: r.preview, sentAt: r.mailingAt, read: Boolean(r.readAt) }));
  return { box, sent: [], received, nextCursor: result.nextCursor };
}

const emptyCounts = () => Object.fromEntries([...RECEIPT_STATUSES, "opened", "read"].map((s) => [s, 0])) as z.infer<typeof AnnouncementCountsSchema>;

/**
 * One announcement. Owners and admins: the text, the counts of its recipients by state and a page
 * of them (`status` filters). Someone it was sent to: their copy, which this marks read. Anyone
 * else, or another studio: 404.
 */
export async function getAnnouncement(actor: Actor, studioId: string, announcementId: string, query: AnnouncementQuery, now = new Date()) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  const { announcement, deliveryReceipt } = messagingDb().entities;
  const mailing = announcementMailing(announcementId);
  if (may(member, "announcement.manage")) {
    const { data: a } = await announcement.get({ studioId, announcementId }).go();
    if (!a) throw notFound("Announcement");
    const started = a.recipientCount !== undefined;
    const all = started ? (await deliveryReceipt.query.receipt({ scope: studioId, mailing }).go({ pages: "all" })).data : [];
    const counts = emptyCounts();
    for (const r of all) {
      counts[r.status]++;
      if (r.openedAt) counts.opened++;
      if (r.readAt) counts.read++;
    }
    const wanted = query.status;
    const matching = all.filter((r) => !wanted || (wanted === "opened" ? r.openedAt : wanted === "read" ? r.readAt : r.status === wanted));
    const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
    const shown = matching.slice(offset, offset + query.limit);
    return {
      kind: "sender" as const,
      received: null,
      announcement: {
        ...toAnnouncementSummary(a),
        body: a.body,
        audienceId: a.audienceId ?? null,
        picked: a.picked ?? [],
        counts: started ? counts : null,
        recipients: shown.map(toRecipient),
        nextCursor: offset + query.limit < matching.length ? String(offset + query.limit) : null,
      },
    };
  }
  const party = receivingParty(member);
  const [receipt, a] = party
    ? await Promise.all([
        deliveryReceipt
          .get({ scope: studioId, mailing, recipient: party })
          .go()
          .then((r) => r.data),
        announcement
          .get({ studioId, announcementId })
          .go()
          .then((r) => r.data),
      ])
    : [null, null];
  if (!receipt || !a || !party) throw notFound("Announcement");
  const readAt = receipt.readAt ?? now.toISOString();
  if (!receipt.readAt) await deliveryReceipt.patch({ scope: studioId, mailing, recipient: party }).set({ readAt }).go();
  return {
    kind: "recipient" as const,
    announcement: null,
    received: { id: announcementId, subject: a.subject, body: a.body, authorName: a.authorName, studioName: studio.name, sentAt: receipt.mailingAt, readAt },
  };
}
