import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { BillingAccountPageSchema, BillingAccountSchema, LedgerPageSchema } from "../schemas/billing-accounts";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Billing accounts"];
const accountParams = studioParams.extend({ accountId: pathId("accountId") });

const listAccounts = createRoute({
  method: "get",
  path: "/{studioId}/billing-accounts",
  tags,
  summary: "The studio's billing accounts with balances (admins); `?owing=true` for those that owe",
  ...secured,
  request: { params: studioParams, query: Billing.listAccountsQuerySchema },
  responses: { 200: jsonResponse(BillingAccountPageSchema, "One page of accounts"), ...problems(401, 403, 404, 422) },
});

const createAccount = createRoute({
  method: "post",
  path: "/{studioId}/billing-accounts",
  tags,
  summary: "Open the billing account of a family, band or student (admins); idempotent",
  description: "The account's id is the party's id, so a party has one account: asking again returns it with 200.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Billing.createAccountSchema.openapi("CreateBillingAccountRequest")) },
  responses: {
    201: jsonResponse(BillingAccountSchema, "The new account"),
    200: jsonResponse(BillingAccountSchema, "The party's existing account"),
    ...problems(401, 403, 404, 422),
  },
});

const getAccount = createRoute({
  method: "get",
  path: "/{studioId}/billing-accounts/{accountId}",
  tags,
  summary: "One billing account: admins and its own parent or student in full, the teacher of one of its students as a summary",
  ...secured,
  request: { params: accountParams },
  responses: { 200: jsonResponse(BillingAccountSchema, "The account"), ...problems(401, 404) },
});

const ledger = createRoute({
  method: "get",
  path: "/{studioId}/billing-accounts/{accountId}/ledger",
  tags,
  summary: "An account's ledger, oldest first, each entry with the balance after it (admins and the account's own parent or student)",
  description: "Every change to the balance is one entry; the entries sum exactly to the account's balance.",
  ...secured,
  request: { params: accountParams, query: Billing.ledgerQuerySchema },
  responses: { 200: jsonResponse(LedgerPageSchema, "One page of entries"), ...problems(401, 403, 404, 422) },
});

export const billingAccountRoutes = createRouter()
  .openapi(listAccounts, async (c) => c.json(await Billing.listBillingAccounts(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createAccount, async (c) => {
    const { account, created } = await Billing.createBillingAccount(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"));
    return created ? c.json(account, 201) : c.json(account, 200);
  })
  .openapi(getAccount, async (c) => {
    const { studioId, accountId } = c.req.valid("param");
    return c.json(await Billing.getBillingAccount(c.get("actor"), studioId, accountId), 200);
  })
  .openapi(ledger, async (c) => {
    const { studioId, accountId } = c.req.valid("param");
    return c.json(await Billing.accountLedger(c.get("actor"), studioId, accountId, c.req.valid("query")), 200);
  });
