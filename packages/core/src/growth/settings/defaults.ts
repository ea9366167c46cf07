import type { WorkingRange } from "../../scheduling";

export interface BookingSettings {
  trialsEnabled: boolean;
  trialLengths: number[];
  trialPriceMinor: number;
  minNoticeHours: number;
  horizonDays: number;
  lessonPrices: Array<{ minutes: number; priceMinor: number }>;
  businessHours: WorkingRange[];
}

/** A studio that has not set its booking settings: free 30-minute trials, a day's notice, four weeks ahead. */
export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  trialsEnabled: true,
  trialLengths: [30],
  trialPriceMinor: 0,
  minNoticeHours: 24,
  horizonDays: 28,
  lessonPrices: [],
  businessHours: [],
};
