import { createRoute, z } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { createRouter } from "../http/router";
import { CheckoutStartSchema, PublicInvoiceSchema } from "../schemas/billing-public";
import { jsonResponse, problems } from "../schemas/problem";
import { PRIVATE } from "../http/public-params";

const tags = ["Public"];
const tokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(1000)
    .openapi({ param: { name: "token", in: "path" }, description: "The token of the emailed link", example: "eyJzIjoiMDE5Li4uIn0.3q2-7wEXAMPLE" }),
});

const getInvoice = createRoute({
  method: "get",
  path: "/invoices/{token}",
  tags,
  summary: "An invoice by its emailed link (no login): what the public invoice page shows",
  description:
    "The studio's branding and contact, the invoice's number, dates, status, lines and totals, what is still owed, and how to " +
    "pay: `payment.stripe` when card payment is offered (the studio set up Stripe and something is owed), and the studio's " +
    "offline instructions. Nothing else of the account. Links expire 120 days after the invoice was sent (each send or " +
    "re-send mints a new one); an expired, altered or unknown link: 404. Void and paid invoices still open.",
  request: { params: tokenParams },
  responses: { 200: jsonResponse(PublicInvoiceSchema, "The invoice"), ...problems(404) },
});

const startCheckout = createRoute({
  method: "post",
  path: "/invoices/{token}/checkout",
  tags,
  summary: "Start paying an invoice's balance by card with Stripe Checkout (no login)",
  description:
    "Creates a Stripe Checkout Session with the studio's keys for the balance due, and answers its URL: send the visitor " +
    "there. After paying they come back to the invoice page with `?paid=1`; the payment is recorded when Stripe's webhook " +
    "(`POST /v1/webhooks/stripe`) arrives. Pressing Pay again within the same half hour with nothing changed gets the " +
    "same session. 404: bad link, or the studio has not set up Stripe (the page shows the offline instructions instead). " +
    "409: the invoice is paid or void, or Stripe refused.",
  request: { params: tokenParams },
  responses: { 200: jsonResponse(CheckoutStartSchema, "Where to pay"), ...problems(404, 409) },
});

export const publicInvoiceRoutes = createRouter()
  .openapi(getInvoice, async (c) => c.json(await Billing.getPublicInvoice(c.req.valid("param").token), 200, PRIVATE))
  .openapi(startCheckout, async (c) => c.json(await Billing.startInvoiceCheckout(c.req.valid("param").token), 200, PRIVATE));
