import * as Growth from "@studiosync/core/growth";
import type { Actor } from "@studiosync/core/policy";

/**
 * What the demo studio's public page offers: free 30- or 45-minute trials booked at least a day
 * ahead, up to four weeks out; its private lesson prices; its opening hours.
 */
export async function seedDemoPublicPage(owner: Actor, studioId: string): Promise<void> {
  const open = (from: number, to: number, start: string, end: string) => Array.from({ length: to - from + 1 }, (_, i) => ({ weekday: from + i, start, end }));
  await Growth.setBookingSettings(
    owner,
    studioId,
    Growth.bookingSettingsSchema.parse({
      trialsEnabled: true,
      trialLengths: [30, 45],
      trialPriceMinor: 0,
      minNoticeHours: 24,
      horizonDays: 28,
      lessonPrices: [
        { minutes: 30, priceMinor: 3200 },
        { minutes: 45, priceMinor: 4500 },
        { minutes: 60, priceMinor: 5800 },
      ],
      businessHours: [...open(1, 5, "12:00", "20:00"), ...open(6, 6, "09:00", "14:00")],
    }),
  );
}
