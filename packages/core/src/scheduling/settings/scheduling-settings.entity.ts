import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * A studio's scheduling rules as data: the cancellation policy (notice window, make-up credits,
 * credits per term, expiry), the reminder lead time and how far ahead patterns are materialised.
 * Missing = the defaults in settings/defaults.ts.
 */
export const SchedulingSettingsEntity = new Entity({
  model: { entity: "schedulingSettings", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    noticeHours: { type: "number", required: true },
    issueMakeupCredit: { type: "boolean", required: true },
    /** Credits a student may be issued per term (null: no limit). */
    maxCreditsPerTerm: { type: "number" },
    /** Terms are calendar months, quarters, halves or years, counted in the studio's time zone. */
    termLength: { type: ["month", "quarter", "half_year", "year"] as const, required: true },
    creditExpiryDays: { type: "number", required: true },
    reminderLeadHours: { type: "number", required: true },
    horizonWeeks: { type: "number", required: true },
    offerFreedSlots: { type: "boolean" },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    settings: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: [] } },
  },
});

/** A stored SchedulingSettings item, as reads return it. */
export type SchedulingSettingsRecord = EntityItem<typeof SchedulingSettingsEntity>;
