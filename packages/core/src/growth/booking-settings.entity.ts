import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * What a studio's public page offers and how visitors may book (issue 15): whether trial lessons
 * can be booked online, their lengths, the minimum notice and how far ahead; the private lesson
 * lengths and prices it advertises; its business hours. One item per studio; absent = defaults.
 */
export const BookingSettingsEntity = new Entity({
  model: { entity: "bookingSettings", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    trialsEnabled: { type: "boolean", required: true },
    /** Lengths a trial lesson can be booked for, in minutes. */
    trialLengths: { type: "list", required: true, items: { type: "number" } },
    /** The studio's price of a trial lesson in minor units; 0 = free. */
    trialPriceMinor: { type: "number", required: true },
    minNoticeHours: { type: "number", required: true },
    horizonDays: { type: "number", required: true },
    /** The private lessons advertised: length and price (minor units). */
    lessonPrices: {
      type: "list",
      required: true,
      items: { type: "map", properties: { minutes: { type: "number", required: true }, priceMinor: { type: "number", required: true } } },
    },
    /** Opening hours by ISO weekday, studio-local. */
    businessHours: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: { weekday: { type: "number", required: true }, start: { type: "string", required: true }, end: { type: "string", required: true } },
      },
    },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    bookingSettings: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: [] } },
  },
});

export type BookingSettingsRecord = EntityItem<typeof BookingSettingsEntity>;
