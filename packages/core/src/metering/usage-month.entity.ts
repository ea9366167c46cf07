import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/**
 * One studio's metered usage in one calendar month of its zone (`month` is "YYYY-MM"): the
 * counters the marks (usage-mark.entity.ts) add to, each in the transaction that writes its mark,
 * so a usage event replayed counts once. `storageByteDays` sums the studio's stored bytes sampled
 * once a local day (storage GB-months = byte-days / days in the month / 2^30). The `usageByMonth`
 * index lists the studios metered in a month, for the storage samples and the month's billing.
 */
export const UsageMonthEntity = new Entity({
  model: { entity: "usageMonth", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    month: { type: "string", required: true, readOnly: true },
    // The counters start unset: each is only ever added to (ADD), so concurrent events never clash.
    activeStudents: { type: "number" },
    lessonsHeld: { type: "number" },
    emailsSent: { type: "number" },
    storageByteDays: { type: "number" },
    /** The studio's stored bytes at its latest sample, and that sample's local date. */
    storageBytes: { type: "number" },
    storageSampledOn: { type: "string" },
    ...timestamps,
  },
  indexes: {
    usageMonth: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["month"] } },
    usageByMonth: { index: "gsi1", pk: { field: "gsi1pk", composite: ["month"] }, sk: { field: "gsi1sk", composite: ["studioId"] } },
  },
});

export type UsageMonthRecord = EntityItem<typeof UsageMonthEntity>;
