import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";

/** At most this many addresses per look-up (a family's guardians and billing address fit). */
export const MAX_ADDRESSES = 20;

/** `?emails=a@example.com,b@example.com`: the addresses a page shows, to warn about those mail no longer reaches. */
export const undeliverableQuerySchema = z.object({
  emails: z
    .string()
    .max(4000, "must be at most 4000 characters")
    .transform((list) => [
      ...new Set(
        list
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(254, "must be addresses of at most 254 characters"))
        .min(1, "must name at least one address")
        .max(MAX_ADDRESSES, `must name at most ${MAX_ADDRESSES} addresses`),
    ),
});
export type UndeliverableQuery = z.infer<typeof undeliverableQuerySchema>;

export const deliveryProblemsQuerySchema = pageQuerySchema;
export type DeliveryProblemsQuery = z.infer<typeof deliveryProblemsQuerySchema>;

/** The address to try again (a bounce this studio's mail caused). */
export const retryAddressSchema = z
  .object({ email: z.string().trim().toLowerCase().min(3, "is required").max(254, "must be at most 254 characters") })
  .strict();
export type RetryAddressInput = z.infer<typeof retryAddressSchema>;
