import { z } from "zod";

/** Our record ids (studio, billing account, invoice) are UUIDs; nothing longer reaches a key. */
const recordId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
/** Stripe's object ids: `evt_…`, `cs_…`, `pi_…`. */
const stripeId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_]+$/);

/** Unix seconds from 2010 (before Stripe's first event) to 2100. */
const EARLIEST_CREATED = 1_262_304_000;
const LATEST_CREATED = 4_102_444_800;

/**
 * What every event must look like before anything reads the table: an id, a type, a creation time
 * in a sane range, and the studio it is for (`data.object.metadata.studioId`, whose webhook secret
 * must have signed it). Anything else is a bad webhook (400), never a database error.
 */
export const stripeEventEnvelope = z.object({
  id: stripeId,
  type: z.string().min(1).max(255),
  created: z.number().int().min(EARLIEST_CREATED).max(LATEST_CREATED),
  data: z.object({
    object: z.object({ metadata: z.object({ studioId: recordId }).passthrough() }).passthrough(),
  }),
});

/** The Checkout Session of a paid event, with the bounded fields the payment is recorded from. */
export const paidCheckoutSession = z
  .object({
    id: stripeId,
    payment_status: z.string().max(64).nullish(),
    amount_total: z.number().int().nullish(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .nullish(),
    payment_intent: stripeId.nullish(),
    metadata: z.object({ studioId: recordId, accountId: recordId.optional(), invoiceId: recordId.optional() }).passthrough(),
  })
  .passthrough();
export type PaidCheckoutSession = z.infer<typeof paidCheckoutSession>;
