import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { PaymentPageSchema, PaymentSchema } from "../schemas/billing-payments";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Payments"];
const paymentParams = studioParams.extend({ paymentId: pathId("paymentId") });

const recordPayment = createRoute({
  method: "post",
  path: "/{studioId}/payments",
  tags,
  summary: "Record money received from a billing account: cash, check, bank transfer, card, other (admins)",
  description:
    "Allocated to `invoiceId` first when given, then to the account's other open invoices oldest due first; what is left is " +
    "account credit, taken off the next invoice sent. One ledger entry (−amount); invoices paid off stop their reminders. " +
    "The account's billing contacts get a receipt by email. Send an `Idempotency-Key`: a retry with the same key records the payment once.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("payment-record")] as const,
  request: { params: studioParams, headers: idempotencyHeader, body: jsonBody(Billing.recordPaymentSchema.openapi("RecordPaymentRequest")) },
  responses: { 201: jsonResponse(PaymentSchema, "The payment and where it went"), ...problems(400, 401, 403, 404, 409, 422) },
});

const listPayments = createRoute({
  method: "get",
  path: "/{studioId}/payments",
  tags,
  summary: "Payments, newest first: one account's (`accountId`), or the studio's (admins) / your own account's (parents, students)",
  description: "Teachers see only totals and statuses of their students' billing, never payments (403).",
  ...secured,
  request: { params: studioParams, query: Billing.listPaymentsQuerySchema },
  responses: { 200: jsonResponse(PaymentPageSchema, "One page of payments"), ...problems(401, 403, 404, 422) },
});

const getPayment = createRoute({
  method: "get",
  path: "/{studioId}/payments/{paymentId}",
  tags,
  summary: "One payment with its allocations and refunds (admins; the parent or student whose account paid)",
  ...secured,
  request: { params: paymentParams },
  responses: { 200: jsonResponse(PaymentSchema, "The payment"), ...problems(401, 403, 404) },
});

const refundPayment = createRoute({
  method: "post",
  path: "/{studioId}/payments/{paymentId}/refunds",
  tags,
  summary: "Record a refund of (part of) a payment (admins)",
  description:
    "At most what is left of the payment to refund. Taken from the account credit the payment left first, then from the " +
    "invoices it paid (latest first), which are owed again and get their reminders back. One ledger entry (+amount); the " +
    "billing contacts get an email. StudioSync records the refund; give the money back yourself — for card payments made " +
    "through Stripe Checkout, refund them in your Stripe dashboard. Send an `Idempotency-Key`: a retry refunds once.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("payment-refund")] as const,
  request: { params: paymentParams, headers: idempotencyHeader, body: jsonBody(Billing.refundPaymentSchema.openapi("RefundPaymentRequest")) },
  responses: { 201: jsonResponse(PaymentSchema, "The payment with the refund"), ...problems(400, 401, 403, 404, 409, 422) },
});

export const paymentRoutes = createRouter()
  .openapi(recordPayment, async (c) => c.json(await Billing.recordManualPayment(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(listPayments, async (c) => c.json(await Billing.listPayments(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getPayment, async (c) => {
    const { studioId, paymentId } = c.req.valid("param");
    return c.json(await Billing.getPayment(c.get("actor"), studioId, paymentId), 200);
  })
  .openapi(refundPayment, async (c) => {
    const { studioId, paymentId } = c.req.valid("param");
    return c.json(await Billing.refundPayment(c.get("actor"), studioId, paymentId, c.req.valid("json")), 201);
  });
