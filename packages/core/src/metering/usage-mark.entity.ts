import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** What a studio is metered on (SMS is not listed: no channel sends it). */
export const USAGE_METRICS = ["activeStudents", "lessonsHeld", "emailsSent", "storage"] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

/**
 * One usage event, counted once: written on condition it does not exist, in the transaction that
 * adds `amount` to its month's counter. `key` is the event's idempotency id within the metric and
 * month: the student (so a student with eight lessons counts once), the lesson held, the message
 * sent, the local day sampled. The marks are the drill-down behind each counter.
 */
export const UsageMarkEntity = new Entity({
  model: { entity: "usageMark", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    month: { type: "string", required: true, readOnly: true },
    metric: { type: USAGE_METRICS, required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    amount: { type: "number", required: true, readOnly: true },
    /** When it happened (UTC ISO): the lesson's start, the sending, the sample. */
    at: { type: "string", required: true, readOnly: true },
    /** What it was, as it was then: a lesson's title, an email's kind (a student's name is looked up when shown). */
    label: { type: "string" },
    ...timestamps,
  },
  indexes: {
    usageMark: { pk: { field: "pk", composite: ["studioId", "month", "metric"] }, sk: { field: "sk", composite: ["key"] } },
  },
});

export type UsageMarkRecord = EntityItem<typeof UsageMarkEntity>;
