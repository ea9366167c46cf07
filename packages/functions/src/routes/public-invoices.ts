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

const AutopayCardSchema = z
  .object({
    brand: z.string(),
    last4: z.string(),
    expMonth: z.number().int(),
    expYear: z.number().int(),
    words: z.string().openapi({ example: "Visa •••• 4242" }),
  })
  .openapi("AutopayCard");

const startCardSave = createRoute({
  method: "post",
  path: "/invoices/{token}/card",
  tags,
  summary: "Start saving a card for automatic payments from an invoice's link (no login): answers Stripe's page to enter it on",
  description:
    "A Checkout Session in setup mode at the studio's Stripe account. After saving the card the visitor comes back to the invoice page " +
    "with `?card=<session id>`, which completes it (`POST …/card/complete`). From then on the account's invoices are charged to the card " +
    "on their due dates; a declined card emails the billing contacts and the usual reminders follow. 404: bad link or the studio takes no cards.",
  request: { params: tokenParams },
  responses: { 200: jsonResponse(CheckoutStartSchema, "Where to enter the card"), ...problems(404, 409) },
});

const completeCardSave = createRoute({
  method: "post",
  path: "/invoices/{token}/card/complete",
  tags,
  summary: "Complete saving a card for automatic payments, from the Checkout Session the visitor came back from (no login)",
  request: {
    params: tokenParams,
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ sessionId: z.string().min(1).max(200) })
            .strict()
            .openapi("CompleteCardSaveRequest"),
        },
      },
      required: true,
    },
  },
  responses: { 200: jsonResponse(AutopayCardSchema, "The card saved"), ...problems(400, 404, 422) },
});

const removeCard = createRoute({
  method: "delete",
  path: "/invoices/{token}/card",
  tags,
  summary: "Turn automatic payments off from an invoice's link: the saved card is forgotten (no login)",
  request: { params: tokenParams },
  responses: { 204: { description: "Removed" }, ...problems(404) },
});

export const publicInvoiceRoutes = createRouter()
  .openapi(getInvoice, async (c) => c.json(await Billing.getPublicInvoice(c.req.valid("param").token), 200, PRIVATE))
  .openapi(startCheckout, async (c) => c.json(await Billing.startInvoiceCheckout(c.req.valid("param").token), 200, PRIVATE))
  .openapi(startCardSave, async (c) => c.json(await Billing.startCardSave(c.req.valid("param").token), 200, PRIVATE))
  .openapi(completeCardSave, async (c) => c.json(await Billing.completeCardSave(c.req.valid("param").token, c.req.valid("json").sessionId), 200, PRIVATE))
  .openapi(removeCard, async (c) => {
    await Billing.removeSavedCard(c.req.valid("param").token);
    return c.body(null, 204, PRIVATE);
  });
