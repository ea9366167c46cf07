import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { BillingSettingsSchema } from "../schemas/billing-settings";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Billing settings"];

const getSettings = createRoute({
  method: "get",
  path: "/{studioId}/billing-settings",
  tags,
  summary: "The studio's billing settings: tax, payment terms, late fee, reminders, monthly run, Stripe status (admins)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(BillingSettingsSchema, "The settings (the defaults until an admin sets them)"), ...problems(401, 403, 404) },
});

const putSettings = createRoute({
  method: "put",
  path: "/{studioId}/billing-settings",
  tags,
  summary: "Change the billing settings (admins)",
  description:
    "Fields left out keep their value; `null` clears an optional one (`lateFee`, `defaultHourlyRateMinor`, " +
    "`paymentInstructions`, `invoiceFooter`, `stripe`). Rates are integers in thousandths of a percent, money in minor " +
    "units. `stripe: {publishableKey, secretKey, webhookSecret}` turns on Stripe Checkout for invoices: the secrets are " +
    "stored encrypted and never returned (`stripe: null` removes them). New values apply to invoices drafted, sent and " +
    "reminded from now on; issued invoices keep their tax and due dates.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Billing.billingSettingsSchema.openapi("BillingSettingsRequest")) },
  responses: { 200: jsonResponse(BillingSettingsSchema, "The settings now in force"), ...problems(401, 403, 404, 409, 422) },
});

export const billingSettingsRoutes = createRouter()
  .openapi(getSettings, async (c) => c.json(await Billing.getBillingSettings(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(putSettings, async (c) => c.json(await Billing.setBillingSettings(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200));
