import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites } from "../../kernel/db/commit-writes";
import { sortedHours } from "../../scheduling";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import type { BookingSettingsRecord } from "../booking-settings.entity";
import { growthDb } from "../growth-db";
import { DEFAULT_BOOKING_SETTINGS, type BookingSettings } from "./defaults";
import type { BookingSettingsInput } from "./schemas";

/** The settings item's key, for a BatchGet with other reads. */
export const bookingSettingsRead = (studioId: string) => itemOf(growthDb().entities.bookingSettings, { studioId });

/** A studio's booking settings from its stored item (or the defaults). */
export function bookingSettingsOf(stored: BookingSettingsRecord | null | undefined): BookingSettings {
  if (!stored) return DEFAULT_BOOKING_SETTINGS;
  return {
    trialsEnabled: stored.trialsEnabled,
    trialLengths: [...stored.trialLengths].sort((a, b) => a - b),
    trialPriceMinor: stored.trialPriceMinor,
    minNoticeHours: stored.minNoticeHours,
    horizonDays: stored.horizonDays,
    lessonPrices: [...stored.lessonPrices].sort((a, b) => a.minutes - b.minutes),
    businessHours: sortedHours(stored.businessHours as BookingSettings["businessHours"]),
  };
}

/** The studio's booking settings (any member of the studio: the workspace shows them). */
export async function getBookingSettings(actor: Actor, studioId: string): Promise<BookingSettings> {
  const { records } = await loadMemberWith(actor, studioId, bookingSettingsRead(studioId));
  return bookingSettingsOf(records[0] as BookingSettingsRecord | null);
}

/** Replaces the studio's booking settings (owners and admins), with an audit event. */
export async function setBookingSettings(actor: Actor, studioId: string, input: BookingSettingsInput): Promise<BookingSettings> {
  const { member, records } = await loadMemberWith(actor, studioId, bookingSettingsRead(studioId));
  assertMay(member, "booking-settings.set");
  const before = bookingSettingsOf(records[0] as BookingSettingsRecord | null);
  await commitWrites(growthDb, (tx) => [
    tx.bookingSettings.put({ studioId, ...input, updatedBy: actor.userId }).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "booking_settings.updated",
      entityType: "studio",
      entityId: studioId,
      before: { ...before },
      after: input,
    }),
  ]);
  return bookingSettingsOf({ studioId, ...input } as BookingSettingsRecord);
}
