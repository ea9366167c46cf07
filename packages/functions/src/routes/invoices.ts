import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { InvoicePageSchema, InvoiceSchema, InvoiceViewSchema, SentInvoiceSchema } from "../schemas/billing-invoices";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Invoices"];
const invoiceParams = studioParams.extend({ invoiceId: pathId("invoiceId") });

const createInvoice = createRoute({
  method: "post",
  path: "/{studioId}/invoices",
  tags,
  summary: "Draft an invoice by hand (admins)",
  description:
    "For an existing billing account (`accountId`) or a family, band or student (`account`: its account is opened when it has none). " +
    "Totals are computed exactly in minor units at the studio's tax rate: subtotal = Σ quantity × unit price; a percent discount and " +
    "the tax are each rounded half up once per invoice; tax is on subtotal − discount. A line with `lessonId` bills that lesson for one " +
    "of its students and marks it billed (409 if it is billed already), so billing runs never bill it again. Drafts are seen by admins only.",
  security: [{ bearer: [] }],
  middleware: [requireActor] as const,
  request: { params: studioParams, body: jsonBody(Billing.createInvoiceSchema.openapi("CreateInvoiceRequest")) },
  responses: { 201: jsonResponse(InvoiceSchema, "The draft"), ...problems(400, 401, 403, 404, 409, 422) },
});

const sendInvoice = createRoute({
  method: "post",
  path: "/{studioId}/invoices/{invoiceId}/send",
  tags,
  summary: "Issue a draft and email it to the account's billing contacts; or email an issued invoice again (admins)",
  description:
    "A draft gets the studio's next gapless number (INV-000001, …), today's date (studio time zone), its due date (today + payment " +
    "terms unless set on the draft), the account's credit applied, a ledger entry and its first reminder step, all in one transaction. " +
    "Each billing contact is emailed a summary with a signed link to the public invoice page, valid 120 days (every send mints a new " +
    "one). From then on the invoice cannot change: void and reissue it, or add a credit note. A void invoice answers 409.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("invoice-send")] as const,
  request: { params: invoiceParams, headers: idempotencyHeader },
  responses: { 200: jsonResponse(SentInvoiceSchema, "The issued invoice and who was emailed"), ...problems(401, 403, 404, 409, 422) },
});

const listInvoices = createRoute({
  method: "get",
  path: "/{studioId}/invoices",
  tags,
  summary: "Invoices as summaries: one account's (newest first), or the studio's by status (admins)",
  description:
    "`accountId`: that account's invoices (admins; the account's own parent or student; a teacher of one of its students). Parents " +
    "and students get their own account's by default. Without it (admins): `status=draft|open|overdue|paid|void` by due date " +
    "(`overdue`: open and due before today in the studio's time zone), or every invoice newest first. Drafts are listed to admins only.",
  ...secured,
  request: { params: studioParams, query: Billing.listInvoicesQuerySchema },
  responses: { 200: jsonResponse(InvoicePageSchema, "One page of invoices"), ...problems(401, 404, 422) },
});

const getInvoice = createRoute({
  method: "get",
  path: "/{studioId}/invoices/{invoiceId}",
  tags,
  summary: "One invoice: in full for admins and the account's family or student, the summary for a teacher of its student",
  ...secured,
  request: { params: invoiceParams },
  responses: { 200: jsonResponse(InvoiceViewSchema, "The invoice"), ...problems(401, 404) },
});

const updateInvoice = createRoute({
  method: "patch",
  path: "/{studioId}/invoices/{invoiceId}",
  tags,
  summary: "Edit a draft: lines, discount, notes, due date (admins)",
  description:
    "Lines are replaced as given (`lineId` keeps a line of the draft with its lesson or plan link); totals are computed again at the " +
    "studio's tax rate. `null` clears the discount or notes, or puts the due date back to the payment terms. Issued invoices never " +
    "change: 409 (void and reissue, or add a credit note).",
  ...secured,
  request: { params: invoiceParams, body: jsonBody(Billing.updateInvoiceSchema.openapi("UpdateInvoiceRequest")) },
  responses: { 200: jsonResponse(InvoiceSchema, "The draft"), ...problems(400, 401, 403, 404, 409, 422) },
});

const deleteInvoice = createRoute({
  method: "delete",
  path: "/{studioId}/invoices/{invoiceId}",
  tags,
  summary: "Delete a draft (admins); its lessons and plan months can be billed again. Issued invoices: 409, void them",
  ...secured,
  request: { params: invoiceParams },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const voidInvoice = createRoute({
  method: "post",
  path: "/{studioId}/invoices/{invoiceId}/void",
  tags,
  summary: "Void an issued invoice, optionally reissuing it as a new draft (admins)",
  description:
    "The invoice keeps its number and owes nothing; the ledger takes off what it charged, and anything paid on it becomes account " +
    "credit. With `reissue: true` a new draft copies its lines (and takes over its billed lessons) to correct and send; the void " +
    "invoice names it in `replacedByInvoiceId`.",
  ...secured,
  request: { params: invoiceParams, body: jsonBody(Billing.voidInvoiceSchema.openapi("VoidInvoiceRequest")) },
  responses: { 200: jsonResponse(InvoiceSchema, "The void invoice"), ...problems(400, 401, 403, 404, 409, 422) },
});

const creditNote = createRoute({
  method: "post",
  path: "/{studioId}/invoices/{invoiceId}/credit-notes",
  tags,
  summary: "Credit part or all of an issued invoice (admins)",
  description:
    "Lowers what is owed without changing the invoice: at most total + late fee − earlier credit notes. Beyond the balance due, the " +
    "paid part becomes account credit. Recorded on the invoice's history and the account's ledger.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("invoice-credit-note")] as const,
  request: { params: invoiceParams, headers: idempotencyHeader, body: jsonBody(Billing.creditNoteSchema.openapi("CreditNoteRequest")) },
  responses: { 201: jsonResponse(InvoiceSchema, "The invoice with the credit note"), ...problems(400, 401, 403, 404, 409, 422) },
});

export const invoiceRoutes = createRouter()
  .openapi(listInvoices, async (c) => c.json(await Billing.listInvoices(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createInvoice, async (c) => c.json(await Billing.createInvoice(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(sendInvoice, async (c) => {
    const { studioId, invoiceId } = c.req.valid("param");
    return c.json(await Billing.sendInvoice(c.get("actor"), studioId, invoiceId), 200);
  })
  .openapi(getInvoice, async (c) => {
    const { studioId, invoiceId } = c.req.valid("param");
    return c.json(await Billing.getInvoice(c.get("actor"), studioId, invoiceId), 200);
  })
  .openapi(updateInvoice, async (c) => {
    const { studioId, invoiceId } = c.req.valid("param");
    return c.json(await Billing.updateDraft(c.get("actor"), studioId, invoiceId, c.req.valid("json")), 200);
  })
  .openapi(deleteInvoice, async (c) => {
    const { studioId, invoiceId } = c.req.valid("param");
    await Billing.deleteDraft(c.get("actor"), studioId, invoiceId);
    return c.body(null, 204);
  })
  .openapi(voidInvoice, async (c) => {
    const { studioId, invoiceId } = c.req.valid("param");
    return c.json(await Billing.voidInvoice(c.get("actor"), studioId, invoiceId, c.req.valid("json")), 200);
  })
  .openapi(creditNote, async (c) => {
    const { studioId, invoiceId } = c.req.valid("param");
    return c.json(await Billing.addCreditNote(c.get("actor"), studioId, invoiceId, c.req.valid("json")), 201);
  });
