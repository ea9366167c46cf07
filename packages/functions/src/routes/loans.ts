import { createRoute } from "@hono/zod-openapi";
import * as Lending from "@studiosync/core/lending";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { LoanPageSchema, LoanSchema } from "../schemas/lending";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Loans"];
const params = studioParams.extend({ loanId: pathId("loanId") });

const listLoans = createRoute({
  method: "get",
  path: "/{studioId}/loans",
  tags,
  summary: "Loans, newest first: a student's (whoever sees the student), an item's (staff), or the studio's open ones (admins)",
  description:
    "Give exactly one of `studentId`, `itemId` or `state`: `requested` (waiting for a decision), `out` (lent, soonest due first) or `overdue` (out past the due date).",
  ...secured,
  request: { params: studioParams, query: Lending.listLoansQuerySchema },
  responses: { 200: jsonResponse(LoanPageSchema, "One page of loans"), ...problems(401, 403, 404, 422) },
});

const requestLoan = createRoute({
  method: "post",
  path: "/{studioId}/loans",
  tags,
  summary: "Ask to borrow an item for a student (admins, their teacher, the student, their parents); admins may lend it at once",
  description:
    "`lendNow: true` (owners, admins) lends it in the same request: the units are taken from the item, the deposit and rental fee " +
    "(default: the item's) become charges on the family's billing account for the next billing run, and the family is emailed.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("loan-request")] as const,
  request: { params: studioParams, headers: idempotencyHeader, body: jsonBody(Lending.requestLoanSchema.openapi("RequestLoanRequest")) },
  responses: { 201: jsonResponse(LoanSchema, "The loan (requested, or out)"), ...problems(401, 403, 404, 409, 422) },
});

const getLoan = createRoute({
  method: "get",
  path: "/{studioId}/loans/{loanId}",
  tags,
  summary: "One loan (whoever sees its student)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(LoanSchema, "The loan"), ...problems(401, 404) },
});

const approveLoan = createRoute({
  method: "post",
  path: "/{studioId}/loans/{loanId}/approve",
  tags,
  summary: "Approve a request and lend the item (owners, admins)",
  description:
    "One transaction: the units are taken from the item on condition that enough are in the studio (never lent twice), the deposit " +
    "and rental fee become billing charges, the loan enters the reminder queue for its due date and the family is emailed. 409 when " +
    "the item is out, in maintenance or retired, or the request was decided meanwhile.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("loan-approve")] as const,
  request: { params, headers: idempotencyHeader, body: jsonBody(Lending.approveLoanSchema.openapi("ApproveLoanRequest")) },
  responses: { 200: jsonResponse(LoanSchema, "The loan, out"), ...problems(401, 403, 404, 409, 422) },
});

const declineLoan = createRoute({
  method: "post",
  path: "/{studioId}/loans/{loanId}/decline",
  tags,
  summary: "Decline a request (owners, admins)",
  ...secured,
  request: { params, body: jsonBody(Lending.closeLoanSchema.openapi("DeclineLoanRequest")) },
  responses: { 200: jsonResponse(LoanSchema, "The loan, declined"), ...problems(401, 403, 404, 409, 422) },
});

const cancelLoan = createRoute({
  method: "post",
  path: "/{studioId}/loans/{loanId}/cancel",
  tags,
  summary: "Withdraw a request (the student, their parents, admins)",
  ...secured,
  request: { params, body: jsonBody(Lending.closeLoanSchema.openapi("CancelLoanRequest")) },
  responses: { 200: jsonResponse(LoanSchema, "The loan, cancelled"), ...problems(401, 403, 404, 409, 422) },
});

const returnLoan = createRoute({
  method: "post",
  path: "/{studioId}/loans/{loanId}/return",
  tags,
  summary: "Record a return with the item's condition (owners, admins); the deposit, less what is kept for damage, is credited back",
  ...secured,
  request: { params, body: jsonBody(Lending.returnLoanSchema.openapi("ReturnLoanRequest")) },
  responses: { 200: jsonResponse(LoanSchema, "The loan, returned"), ...problems(401, 403, 404, 409, 422) },
});

export const loanRoutes = createRouter()
  .openapi(listLoans, async (c) => c.json(await Lending.listLoans(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query"), c.var.clock()), 200))
  .openapi(requestLoan, async (c) => c.json(await Lending.requestLoan(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201))
  .openapi(getLoan, async (c) => {
    const { studioId, loanId } = c.req.valid("param");
    return c.json(await Lending.getLoan(c.get("actor"), studioId, loanId, c.var.clock()), 200);
  })
  .openapi(approveLoan, async (c) => {
    const { studioId, loanId } = c.req.valid("param");
    return c.json(await Lending.approveLoan(c.get("actor"), studioId, loanId, c.req.valid("json"), c.var.clock()), 200);
  })
  .openapi(declineLoan, async (c) => {
    const { studioId, loanId } = c.req.valid("param");
    return c.json(await Lending.closeRequest(c.get("actor"), studioId, loanId, "declined", c.req.valid("json"), c.var.clock()), 200);
  })
  .openapi(cancelLoan, async (c) => {
    const { studioId, loanId } = c.req.valid("param");
    return c.json(await Lending.closeRequest(c.get("actor"), studioId, loanId, "cancelled", c.req.valid("json"), c.var.clock()), 200);
  })
  .openapi(returnLoan, async (c) => {
    const { studioId, loanId } = c.req.valid("param");
    return c.json(await Lending.returnLoan(c.get("actor"), studioId, loanId, c.req.valid("json"), c.var.clock()), 200);
  });
