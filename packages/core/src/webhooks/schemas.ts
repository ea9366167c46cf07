import { isIP } from "node:net";
import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { text } from "../people";
import { isLoopbackAddress, isPublicAddress, webhooksMayUseLoopback } from "./public-address";
import { DELIVERY_STATUSES } from "./webhook-delivery.entity";
import { WEBHOOK_EVENT_TYPES } from "./webhook-events";

/** Names that never resolve to a public address. */
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/**
 * Why a URL may not receive webhooks, or null: only http(s), no credentials, and no host that is
 * plainly private (an IP literal outside the public ranges, `localhost`, `.local`, `.internal`). A
 * name is resolved and checked again at each attempt (public-address.ts), where it counts.
 */
export function endpointUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not carry a user name or password";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const loopbackAllowed = webhooksMayUseLoopback();
  if (isIP(host)) return isPublicAddress(host) || (loopbackAllowed && isLoopbackAddress(host)) ? null : "must be a public address";
  if (LOCAL_NAMES.test(host) && !(loopbackAllowed && host.toLowerCase() === "localhost")) return "must be a public address";
  return null;
}

const endpointUrl = z
  .string({ required_error: "is required", invalid_type_error: "must be a string" })
  .trim()
  .max(2048, "must be at most 2048 characters")
  .superRefine((value, ctx) => {
    const problem = endpointUrlProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `must each be one of ${WEBHOOK_EVENT_TYPES.join(", ")}` }), { invalid_type_error: "must be a list" })
  .min(1, "must name at least one event type")
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type)));

export const createWebhookEndpointSchema = z.object({ url: endpointUrl, description: text(200).optional(), events: eventTypes }).strict();
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z
  .object({
    url: endpointUrl.optional(),
    description: text(200).nullable().optional(),
    events: eventTypes.optional(),
    /** Turning it back on clears its failures; off stops its deliveries (pending ones are given up). */
    enabled: z.boolean({ invalid_type_error: "must be true or false" }).optional(),
  })
  .strict()
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "must change at least one of url, description, events, enabled" });
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const listWebhookDeliveriesQuerySchema = pageQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(", ")}` }).optional(),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuerySchema>;
