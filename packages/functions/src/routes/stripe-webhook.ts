import { createRoute, z } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { problem } from "../http/problem";
import { createRouter } from "../http/router";
import { StripeWebhookResultSchema } from "../schemas/billing-public";
import { jsonResponse, problems } from "../schemas/problem";

const webhook = createRoute({
  method: "post",
  path: "/stripe",
  tags: ["Webhooks"],
  summary: "Stripe's webhook: records card payments made through Stripe Checkout",
  description:
    "Point a Stripe webhook endpoint (event `checkout.session.completed`, and `checkout.session.async_payment_succeeded` " +
    "for delayed methods) at this URL and save its signing secret in the billing settings. The payload's " +
    "`data.object.metadata.studioId` names the studio whose secret must have signed it (`Stripe-Signature`, verified over the " +
    "raw body within 5 minutes, and dated no more than 5 minutes ahead); ids, times and metadata are bounded. Anything else — " +
    "a bad or stale signature, an unknown studio, a malformed event — is the same 400. A paid Checkout Session becomes a " +
    "card payment of `amount_total` on the invoice it was started from (the rest of the account's open invoices, then credit), with a receipt email. Each " +
    "event id is recorded once per studio: a re-delivered event answers 200 `duplicate` and records nothing. Other events: 200 `ignored`.",
  request: {
    headers: z.object({ "Stripe-Signature": z.string().openapi({ example: "t=1767225600,v1=5257a869e7ec…" }) }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              id: z.string().max(255),
              type: z.string().max(255),
              created: z.number().int(),
              data: z.object({ object: z.record(z.string(), z.unknown()) }),
            })
            .openapi("StripeEvent", { description: "A Stripe event, exactly as Stripe sent it" }),
        },
      },
    },
  },
  responses: { 200: jsonResponse(StripeWebhookResultSchema, "Received"), ...problems(400) },
});

/** Every refused delivery gets this one answer; the reason is logged, not told to the sender. */
const REFUSED = "This is not a genuine, well-formed Stripe event for a studio here";

/**
 * Registered for the OpenAPI document but served by a plain handler: the signature covers the
 * raw body, which request validation would parse (and re-serialise) before the handler reads it.
 */
export const stripeWebhookRoutes = createRouter();
stripeWebhookRoutes.openAPIRegistry.registerPath(webhook);
stripeWebhookRoutes.post("/stripe", async (c) => {
  const payload = await c.req.text();
  try {
    return c.json(await Billing.handleStripeWebhook(payload, c.req.header("stripe-signature")), 200);
  } catch (error) {
    if (!(error instanceof Billing.StripeWebhookRejected)) throw error;
    console.warn(JSON.stringify({ level: "warn", message: "Stripe webhook refused", reason: error.message, requestId: c.get("requestId") }));
    return problem(c, 400, "invalid_webhook", REFUSED);
  }
});
