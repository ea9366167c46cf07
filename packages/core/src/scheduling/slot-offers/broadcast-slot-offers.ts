import { itemOf, readTogether } from "../../kernel/db/read-together";
import { emailBrand, lessonTimeWords, slotOfferMessage } from "../../email";
import { notice, optedOutAmong, portalPath, unsubscribable } from "../../notifications";
import { outboxEmails, type OutboxEmail } from "../../outbox";
import type { StudioRecord } from "../../studios/module";
import { lessonPeople } from "../cancellations/lesson-recipients";
import { slotFit } from "../free-slots/slot-fit";
import { claimLink } from "../lesson-actions/action-links";
import { durationMinutes } from "../lessons/lesson-view";
import type { MakeupCreditRecord } from "../makeups/credit-view";
import { scheduleDb } from "../schedule-db";
import { withDefaults } from "../settings/read-settings";
import { localParts } from "../../kernel/time/wall-clock";
import type { SlotOfferRecord } from "./offer-view";
import { OFFER_MIN_LEAD_MS } from "./freed-slot";

/** Items per transaction: DynamoDB's limit is 100; one is left for the offer's own update. */
const CHUNK = 99;

export interface BroadcastSummary {
  offers: number;
  /** Offers emailed (to at least one address). */
  sent: number;
  /** Offers dropped: too close, taken again, or the studio stopped offering slots. */
  closed: number;
  emails: number;
}

const isConditionalCancel = (error: unknown) => /ConditionalCheckFailed/.test(String((error as { message?: string })?.message ?? error));

/**
 * Each credit holder's best credit for the slot: available, with the slot's teacher, no longer than
 * the slot, valid on its date, not the one its own cancellation earned; per student the one that
 * expires first (it is the one to spend).
 */
function creditsFor(offer: SlotOfferRecord, credits: MakeupCreditRecord[], slotDate: string, minutes: number): MakeupCreditRecord[] {
  const best = new Map<string, MakeupCreditRecord>();
  for (const c of credits) {
    if (
      c.status !== "available" ||
      c.teacherId !== offer.teacherId ||
      c.expiresOn < slotDate ||
      c.durationMinutes > minutes ||
      c.sourceLessonId === offer.offerId
    )
      continue;
    const held = best.get(c.studentId);
    if (!held || c.expiresOn < held.expiresOn) best.set(c.studentId, c);
  }
  return [...best.values()];
}

/** Enqueues messages in transactions of 99; a transaction refused because some were enqueued before (a rerun) is retried one by one. */
async function enqueue(messages: OutboxEmail[]): Promise<void> {
  for (let i = 0; i < messages.length; i += CHUNK) {
    const chunk = messages.slice(i, i + CHUNK);
    const outcome = await scheduleDb()
      .transaction.write((tx) => outboxEmails(tx, chunk))
      .go();
    if (!outcome.canceled) continue;
    for (const message of chunk) {
      try {
        await scheduleDb()
          .transaction.write((tx) => outboxEmails(tx, [message]))
          .go();
      } catch (error) {
        if (!isConditionalCancel(error)) throw error;
      }
    }
  }
}

/** The offer leaves the job's queue: `sent` (with how many addresses were emailed) or `closed`. */
async function settle(offer: SlotOfferRecord, status: "sent" | "closed", recipients = 0) {
  await scheduleDb()
    .entities.slotOffer.patch({ studioId: offer.studioId, offerId: offer.offerId })
    .set({ status, recipients })
    .remove(["pendingDay"])
    .where((a, op) => op.eq(a.status, "pending"))
    .go()
    .catch((error: unknown) => {
      if (!isConditionalCancel(error) && !/conditional/i.test(String(error))) throw error;
    });
}

async function broadcastOffer(offer: SlotOfferRecord, now: Date): Promise<"sent" | "closed" | number> {
  const { studio: studios, schedulingSettings, teacher: teachers } = scheduleDb().entities;
  const [studio, settings, teacher] = await readTogether(
    itemOf(studios, { studioId: offer.studioId }),
    itemOf(schedulingSettings, { studioId: offer.studioId }),
    itemOf(teachers, { studioId: offer.studioId, teacherId: offer.teacherId }),
  );
  const minutes = durationMinutes({ scheduledStart: offer.start, scheduledEnd: offer.end });
  const tooLate = Date.parse(offer.start) - now.getTime() < OFFER_MIN_LEAD_MS / 2;
  if (!studio || studio.deletedAt || !teacher || !withDefaults(settings).offerFreedSlots || tooLate) {
    await settle(offer, "closed");
    return "closed";
  }
  // Booked again meanwhile (or the teacher's hours changed): nothing to offer.
  if ((await slotFit(offer.studioId, studio as StudioRecord, { teacherId: offer.teacherId, start: offer.start, durationMinutes: minutes }, now)) !== "free") {
    await settle(offer, "closed");
    return "closed";
  }
  const { data: all } = await scheduleDb().entities.makeupCredit.query.credit({ studioId: offer.studioId }).go({ pages: "all" });
  const credits = creditsFor(offer, all, localParts(offer.start, studio.timeZone).date, minutes);
  const people = credits.length
    ? await lessonPeople(
        offer.studioId,
        credits.map((c) => c.studentId),
        [offer.teacherId],
      )
    : { recipients: [], students: new Map(), teachers: new Map() };
  const creditOf = new Map(credits.map((c) => [c.studentId, c]));
  const stopped = await optedOutAmong(
    offer.studioId,
    people.recipients.map((r) => r.email),
    "slot-offers",
  );
  const when = lessonTimeWords(offer.start, offer.end, studio.timeZone);
  const teacherName = `${teacher.firstName} ${teacher.lastName}`;
  // An address that stopped these emails (or takes them in the digest) still gets the notice in the app: the email is held.
  const messages = people.recipients.map((recipient): OutboxEmail => {
    const mine = recipient.studentIds.flatMap((id) => (creditOf.has(id) ? [creditOf.get(id)!] : []));
    const claims = mine.map((credit) =>
      claimLink(
        studio,
        offer,
        credit,
        recipient.email,
        mine.length === 1 ? "Claim this slot" : `Claim it for ${people.students.get(credit.studentId)?.name ?? "your child"}`,
      ),
    );
    return {
      scope: offer.studioId,
      // One email per address and slot, however often the job runs.
      messageId: `slot-offer#${offer.offerId}#${recipient.email.toLowerCase()}`,
      to: recipient.email,
      email: slotOfferMessage({
        studioName: studio.name,
        greetingName: recipient.greetingName,
        teacherName,
        when,
        claims,
        unsubscribe: unsubscribable(studio, recipient.email, "slot-offers"),
      }),
      brand: emailBrand(studio),
      notice: notice(studio, "slot-offers", `slot-offer:${offer.offerId}`, { link: portalPath(offer.studioId) }),
      hold: stopped.has(recipient.email.trim().toLowerCase()),
    };
  });
  await enqueue(messages);
  const emailed = messages.filter((m) => !m.hold).length;
  await settle(offer, "sent", emailed);
  return emailed;
}

/**
 * The broadcast job: every pending offer (yesterday's and today's queue) is emailed to each
 * address (that did not opt out of slot offers) of the students holding a fitting credit — one email per address per slot, each with
 * its own claim links — in transactions of 99, then marked sent. Safe to run twice.
 */
export async function broadcastSlotOffers(options: { now?: Date } = {}): Promise<BroadcastSummary> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const { slotOffer } = scheduleDb().entities;
  const queues = await Promise.all([yesterday, today].map((pendingDay) => slotOffer.query.slotOffersDue({ pendingDay }).go({ pages: "all" })));
  const due = queues.flatMap(({ data }) => data).filter((o) => o.status === "pending");
  const summary: BroadcastSummary = { offers: due.length, sent: 0, closed: 0, emails: 0 };
  for (const offer of due) {
    const outcome = await broadcastOffer(offer, now);
    if (outcome === "closed") summary.closed++;
    else if (typeof outcome === "number") {
      summary.sent++;
      summary.emails += outcome;
    }
  }
  return summary;
}
