import { v7 as uuidv7 } from "uuid";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { failsWith } from "../../kernel/db/commit-writes";
import { outboxEmails } from "../../outbox";
import type { StudentRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import { AdmissionRace } from "../admissions/admission-race";
import { studentContacts } from "../../people";
import { readQueue } from "../admissions/join-waitlist";
import { classesDb, type ClassesTx } from "../classes-db";
import type { ClassSlotRecord } from "../class-slot.entity";
import type { WaitlistEntryRecord } from "../waitlist-entry.entity";
import { offerEmails } from "./offer-emails";

/** How long a family has to claim a seat offered to them. */
export const CLAIM_HOURS = 48;

/** The offer-expiry job's hour bucket of an instant ("2026-11-22T15"). */
export const hourOf = (instant: string) => instant.slice(0, 13);

export interface SeatHandOver {
  /** The entry offered the seat, or none (the queue is empty: the seat is freed). */
  next?: WaitlistEntryRecord;
  offerId?: string;
  claimBy?: string;
  writes: (tx: ClassesTx) => unknown[];
}

/**
 * What becomes of a seat given up (a withdrawal, a declined or lapsed offer), in the caller's
 * transaction: the first student still waiting (not `skip`) is offered it — their entry turns
 * `offered` with a claim-by (CLAIM_HOURS) on condition it is still waiting, the offer enters the
 * expiry job's queue and the family is emailed a signed link (outbox) — and the seat stays taken,
 * held for them; with nobody waiting, `seatsTaken` goes down (on condition it is above zero).
 */
export async function handOverSeat(studio: StudioRecord, slot: ClassSlotRecord, now: Date, skip?: string): Promise<SeatHandOver> {
  const { studioId, slotId } = slot;
  const queue = await readQueue(studioId, slotId);
  const next = queue.find((e) => e.state === "waiting" && e.studentId !== skip);
  if (!next) {
    return {
      writes: (tx) => [
        failsWith(
          tx.classSlot
            .patch({ studioId, slotId })
            .subtract({ seatsTaken: 1 })
            .where((a, op) => op.gt(a.seatsTaken, 0))
            .commit(),
          () => new AdmissionRace(),
        ),
      ],
    };
  }
  return { next, ...(await offerSeat(studio, slot, next, now)) };
}

/**
 * The writes that offer a held seat to one waiting student, in the caller's transaction: their entry
 * turns `offered` with a claim-by (CLAIM_HOURS) on condition it is still waiting, the offer enters
 * the expiry job's queue, and the family is emailed a signed link (outbox). The seat itself is the
 * caller's to hold.
 */
export async function offerSeat(studio: StudioRecord, slot: ClassSlotRecord, next: WaitlistEntryRecord, now: Date) {
  const { studioId, slotId } = slot;
  const [student] = await readTogether(itemOf(classesDb().entities.student, { studioId, studentId: next.studentId }));
  const contacts = await studentContacts(studioId, student as StudentRecord | null);
  const offerId = uuidv7();
  const claimBy = new Date(now.getTime() + CLAIM_HOURS * 3_600_000).toISOString();
  const emails = student ? offerEmails(studio, slot, student as StudentRecord, { offerId, claimBy }, contacts) : [];
  return {
    offerId,
    claimBy,
    writes: (tx: ClassesTx) => [
      failsWith(
        tx.waitlistEntry
          .patch({ studioId, slotId, studentId: next.studentId })
          .set({ state: "offered", offeredAt: now.toISOString(), claimBy, offerId })
          .where((a, op) => op.eq(a.state, "waiting"))
          .commit(),
        () => new AdmissionRace(),
      ),
      tx.classOfferDue.create({ hour: hourOf(claimBy), studioId, slotId, studentId: next.studentId, offerId }).commit(),
      ...outboxEmails(tx, emails, now),
    ],
  };
}
