import { itemOf, readTogether } from "../../kernel/db/read-together";
import { AppError } from "../../kernel/errors";
import { logFailure } from "../../kernel/log/log-failure";
import type { StudioRecord } from "../../studios/module";
import { withAdmissionRetry } from "../admissions/admission-race";
import { classesDb } from "../classes-db";
import type { ClassSlotRecord } from "../class-slot.entity";
import type { WaitlistEntryRecord } from "../waitlist-entry.entity";
import { CLAIM_HOURS, hourOf } from "./pass-seat";
import { releaseOffer } from "./offer-actions";

export const CLASS_OFFER_JOB = "class-offer-expiry";
export const EXPIRY_ACTOR = "job:class-offer-expiry";
const HOUR_MS = 3_600_000;

export interface OfferExpiryRun {
  hours: number;
  /** Offers that lapsed (the seat passed on or was freed). */
  lapsed: number;
  /** Queue items dropped: their offer was claimed or declined. */
  dropped: number;
  /** Offers in the current hour not lapsed yet. */
  waiting: number;
  failed: number;
  doneThrough: string | null;
}

const nextHour = (hour: string) => hourOf(new Date(Date.parse(`${hour}:00:00.000Z`) + HOUR_MS).toISOString());

/**
 * The waitlist offer expiry job (every 15 minutes): reads the ClassOfferDue hour buckets from the
 * one after its cursor up to the current hour (a sparse, cross-tenant work queue: one Query per
 * hour, no Scan). An offer still open past its claim-by lapses (offer-actions.ts releaseOffer: the
 * entry goes and the seat is offered to the next student waiting, with an email, or freed) in one
 * transaction conditional on that very offer still being open, so a run twice, or a claim racing
 * the job, acts once. Items whose offer was claimed or declined meanwhile are dropped.
 */
export async function expireClassOffers({ now }: { now: Date }): Promise<OfferExpiryRun> {
  const { jobCursor, classOfferDue } = classesDb().entities;
  const { data: cursor } = await jobCursor.get({ job: CLASS_OFFER_JOB }).go();
  const current = hourOf(now.toISOString());
  const start = cursor ? nextHour(cursor.doneThrough) : hourOf(new Date(now.getTime() - (CLAIM_HOURS + 1) * HOUR_MS).toISOString());
  const run: OfferExpiryRun = { hours: 0, lapsed: 0, dropped: 0, waiting: 0, failed: 0, doneThrough: cursor?.doneThrough ?? null };
  let complete = true;
  for (let hour = start; hour <= current; hour = nextHour(hour)) {
    run.hours++;
    const { data } = await classOfferDue.query.classOfferDue({ hour }).go({ pages: "all" });
    for (const item of data) {
      try {
        const outcome = await expireOne(item, now);
        run[outcome]++;
        if (outcome === "waiting") complete = false;
      } catch (error) {
        run.failed++;
        complete = false;
        logFailure(`class offer ${item.studioId}/${item.slotId}/${item.studentId}`, error);
      }
    }
    if (complete && hour < current) run.doneThrough = hour;
  }
  if (run.doneThrough && run.doneThrough !== cursor?.doneThrough) await jobCursor.put({ job: CLASS_OFFER_JOB, doneThrough: run.doneThrough }).go();
  if (run.lapsed + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "class offers expired", ...run }));
  return run;
}

async function expireOne(item: { hour: string; studioId: string; slotId: string; studentId: string; offerId: string }, now: Date) {
  const { studioId, slotId, studentId } = item;
  const { studio: studios, classSlot, waitlistEntry, classOfferDue } = classesDb().entities;
  return withAdmissionRetry(async () => {
    const [studio, slot, entry] = (await readTogether(
      itemOf(studios, { studioId }),
      itemOf(classSlot, { studioId, slotId }),
      itemOf(waitlistEntry, { studioId, slotId, studentId }),
    )) as [StudioRecord | null, ClassSlotRecord | null, WaitlistEntryRecord | null];
    if (!studio || !slot || !entry || entry.state !== "offered" || entry.offerId !== item.offerId) {
      await classOfferDue.delete({ hour: item.hour, studioId, slotId, studentId }).go();
      return "dropped" as const;
    }
    if (Date.parse(entry.claimBy!) > now.getTime()) return "waiting" as const;
    try {
      await releaseOffer({ studio, slot, entry }, item.offerId, EXPIRY_ACTOR, now);
    } catch (error) {
      // Claimed or declined between our read and the lapse: nothing is left to do.
      if (error instanceof AppError && error.reason === "class_offer.closed") return "dropped" as const;
      throw error;
    }
    return "lapsed" as const;
  });
}
