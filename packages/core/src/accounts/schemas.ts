import { z } from "zod";
import type { IdempotencyRequest } from "../idempotency";
import { currencySchema, slugSchema, studioNameSchema, timeZoneSchema } from "../studios";

/** Emails are compared case-insensitively: stored and looked up trimmed and lower-cased. */
export const emailSchema = z.string().trim().toLowerCase().email("must be an email address").max(254, "must be at most 254 characters");

export const newPasswordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters")
  .refine((p) => p.trim().length > 0, "must not be only spaces");

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  studioName: studioNameSchema,
  slug: slugSchema.optional(),
  timeZone: timeZoneSchema,
  currency: currencySchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
});

export const emailOnlySchema = z.object({ email: emailSchema });
export const tokenSchema = z.object({ token: z.string().min(1, "is required").max(2000) });
export const refreshSchema = z.object({ refreshToken: z.string().min(1, "is required").max(200) });
export const resetPasswordSchema = z.object({ token: z.string().min(1, "is required").max(2000), password: newPasswordSchema });

export interface RequestContext {
  /** The caller's IP when the transport knows it; limits per IP apply only then. */
  ip?: string;
  /** The browser or app that signs in (its User-Agent), shown in the list of active sign-ins. */
  userAgent?: string;
  /** The request's Idempotency-Key, for use cases that record it in their own transaction. */
  idempotency?: IdempotencyRequest;
}
