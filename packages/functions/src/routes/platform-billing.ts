import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as PlatformBilling from "@studiosync/core/platform-billing";
import { monthField } from "@studiosync/core/metering";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import {
  CardSavedSchema,
  CardSetupSchema,
  PlatformInvoiceListSchema,
  PlatformInvoiceSchema,
  SavedCardListSchema,
  SpendingCapSchema,
} from "../schemas/platform-billing";

const tags = ["Platform billing"];
const invoiceParams = studioParams.extend({ month: monthField.openapi({ param: { name: "month", in: "path" }, example: "2026-11" }) });
const cardParams = studioParams.extend({ paymentMethodId: pathId("paymentMethodId") });

const listInvoices = createRoute({
  method: "get",
  path: "/{studioId}/platform-invoices",
  tags,
  summary: "What StudioSync billed the studio, a month an invoice, newest first (owners and admins)",
  description:
    "Each closed month (the studio's zone) is invoiced once, with its usage at the platform price in force, recorded on the invoice. The saved card is charged at once, " +
    "then again 3 and 7 days later if it fails; still unpaid after 14 days, the workspace becomes read-only (403 `studio.paused`) until it is paid.",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(PlatformInvoiceListSchema, "The invoices"), ...problems(401, 403, 404) },
});

const getInvoice = createRoute({
  method: "get",
  path: "/{studioId}/platform-invoices/{month}",
  tags,
  summary: "One platform invoice: its usage, lines, price and charge attempts (owners and admins)",
  ...secured,
  request: { params: invoiceParams },
  responses: { 200: jsonResponse(PlatformInvoiceSchema, "The invoice"), ...problems(401, 403, 404, 422) },
});

const payInvoice = createRoute({
  method: "post",
  path: "/{studioId}/platform-invoices/{month}/pay",
  tags,
  summary: "Pay an open platform invoice now with the saved card (owners); paying the last one unpauses a paused studio",
  ...secured,
  request: { params: invoiceParams },
  responses: { 200: jsonResponse(PlatformInvoiceSchema, "The invoice, paid"), ...problems(401, 403, 404, 409, 422) },
});

const listCards = createRoute({
  method: "get",
  path: "/{studioId}/payment-methods",
  tags,
  summary: "The card StudioSync charges for the studio's usage (owners)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(SavedCardListSchema, "The saved card, if any"), ...problems(401, 403, 404) },
});

const setupCard = createRoute({
  method: "post",
  path: "/{studioId}/payment-methods/setup",
  tags,
  summary: "Start saving a card (owners): answers Stripe's page to enter it on; coming back completes it",
  ...secured,
  request: { params: studioParams },
  responses: { 201: jsonResponse(CardSetupSchema, "Where to enter the card"), ...problems(401, 403, 404, 503) },
});

const completeCard = createRoute({
  method: "post",
  path: "/{studioId}/payment-methods/complete",
  tags,
  summary: "Complete saving a card from Stripe's page (owners): it replaces the saved one, and open invoices are charged to it at once",
  ...secured,
  request: { params: studioParams, body: jsonBody(PlatformBilling.completeCardSetupSchema.openapi("CompleteCardSetupRequest")) },
  responses: { 200: jsonResponse(CardSavedSchema, "The card saved and what was charged"), ...problems(400, 401, 403, 404, 422, 503) },
});

const removeCard = createRoute({
  method: "delete",
  path: "/{studioId}/payment-methods/{paymentMethodId}",
  tags,
  summary: "Remove the saved card (owners)",
  ...secured,
  request: { params: cardParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 503) },
});

const getCap = createRoute({
  method: "get",
  path: "/{studioId}/usage/spending-cap",
  tags,
  summary: "The monthly spending cap and the alert sent this month (owners and admins)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(SpendingCapSchema, "The cap"), ...problems(401, 403, 404) },
});

const setCap = createRoute({
  method: "put",
  path: "/{studioId}/usage/spending-cap",
  tags,
  summary: "Set the monthly spending cap in cents, or null for none (owners): the owners are emailed at 80 % and 100 % of it; nothing stops",
  ...secured,
  request: { params: studioParams, body: jsonBody(PlatformBilling.spendingCapSchema.openapi("SpendingCapRequest")) },
  responses: { 200: jsonResponse(SpendingCapSchema, "The cap"), ...problems(400, 401, 403, 404, 422) },
});

/** The studio's platform invoices, saved card and spending cap, under /v1/studios. */
export const platformBillingRoutes = createRouter()
  .openapi(listInvoices, async (c) => c.json(await PlatformBilling.listPlatformInvoices(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(getInvoice, async (c) => {
    const { studioId, month } = c.req.valid("param");
    return c.json(await PlatformBilling.getPlatformInvoice(c.get("actor"), studioId, month), 200);
  })
  .openapi(payInvoice, async (c) => {
    const { studioId, month } = c.req.valid("param");
    return c.json(await PlatformBilling.payPlatformInvoice(c.get("actor"), studioId, month), 200);
  })
  .openapi(listCards, async (c) => c.json(await PlatformBilling.listPaymentMethods(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(setupCard, async (c) => c.json(await PlatformBilling.startCardSetup(c.get("actor"), c.req.valid("param").studioId), 201))
  .openapi(completeCard, async (c) =>
    c.json(await PlatformBilling.completeCardSetup(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json").sessionId), 200),
  )
  .openapi(removeCard, async (c) => {
    const { studioId, paymentMethodId } = c.req.valid("param");
    await PlatformBilling.removePaymentMethod(c.get("actor"), studioId, paymentMethodId);
    return c.body(null, 204);
  })
  .openapi(getCap, async (c) => c.json(await PlatformBilling.getSpendingCap(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(setCap, async (c) => c.json(await PlatformBilling.setSpendingCap(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200));
