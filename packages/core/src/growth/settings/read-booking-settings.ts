import { itemOf } from "../../kernel/db/read-together";
import { sortedHours } from "../../scheduling";
import type { BookingSettingsRecord } from "../booking-settings.entity";
import { growthDb } from "../growth-db";
import { DEFAULT_BOOKING_SETTINGS, type BookingSettings } from "./defaults";

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
