import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { BillingRunDetailSchema, BillingRunPageSchema, BillingRunSentSchema, BillingRunStartedSchema } from "../schemas/billing-runs";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Billing runs"];
const runParams = studioParams.extend({ runId: pathId("runId") });

const startRun = createRoute({
  method: "post",
  path: "/{studioId}/billing-runs",
  tags,
  summary: "Draft every account's invoice for a period (admins)",
  description:
    'The period is local dates in the studio\'s time zone, `{periodStart, periodEnd}` or a calendar month `{month: "2026-12"}`. ' +
    "Per student of each lesson starting in it: scheduled, in progress, completed or no-show lessons (make-up lessons too) are billed " +
    "at the student's per-lesson plan, else the teacher's hourly rate, else the studio's default, pro rata of the booked minutes; a " +
    "lesson the student cancelled without a make-up credit is billed as a late cancellation; one cancelled with a credit or by the " +
    "studio is not. A monthly plan is one line per month of the period; a term package one line when the period meets its term; " +
    "lessons they cover are not billed. A student's charges go to their family's account, else their own. One draft per account; " +
    "nothing is ever billed twice, so running the same period again answers the same run and drafts only what is new.",
  security: [{ bearer: [] }],
  middleware: [requireActor] as const,
  request: { params: studioParams, body: jsonBody(Billing.startBillingRunSchema.openapi("StartBillingRunRequest")) },
  responses: {
    201: jsonResponse(BillingRunStartedSchema, "The run, with what this request drafted and what it skipped"),
    ...problems(400, 401, 403, 404, 422),
  },
});

const listRuns = createRoute({
  method: "get",
  path: "/{studioId}/billing-runs",
  tags,
  summary: "The studio's billing runs, latest period first (admins)",
  ...secured,
  request: { params: studioParams, query: Billing.listBillingRunsQuerySchema },
  responses: { 200: jsonResponse(BillingRunPageSchema, "One page of runs"), ...problems(401, 403, 404, 422) },
});

const getRun = createRoute({
  method: "get",
  path: "/{studioId}/billing-runs/{runId}",
  tags,
  summary: "A billing run with its invoices as summaries by account name, for review before sending (admins)",
  ...secured,
  request: { params: runParams },
  responses: { 200: jsonResponse(BillingRunDetailSchema, "The run and its invoices"), ...problems(401, 403, 404) },
});

const sendRun = createRoute({
  method: "post",
  path: "/{studioId}/billing-runs/{runId}/send",
  tags,
  summary: "Send every invoice of the run that is still a draft (admins)",
  description:
    "Each draft is issued and emailed as `POST …/invoices/{invoiceId}/send` does it (next gapless number, ledger entry, first " +
    "reminder step, email with a signed link to the public invoice page). Invoices already sent, voided or deleted are left alone; " +
    "one that cannot be sent is listed in `failed` and the others go on. A very large run stops starting sends after 20 s and " +
    "reports `remaining`: send again to go on. When no draft is left the run's status is `sent`.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("billing-run-send")] as const,
  request: { params: runParams, headers: idempotencyHeader },
  responses: { 200: jsonResponse(BillingRunSentSchema, "The run, what was sent and to whom"), ...problems(401, 403, 404, 422) },
});

export const billingRunRoutes = createRouter()
  .openapi(startRun, async (c) => c.json(await Billing.startBillingRun(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(listRuns, async (c) => c.json(await Billing.listBillingRuns(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getRun, async (c) => {
    const { studioId, runId } = c.req.valid("param");
    return c.json(await Billing.getBillingRun(c.get("actor"), studioId, runId), 200);
  })
  .openapi(sendRun, async (c) => {
    const { studioId, runId } = c.req.valid("param");
    return c.json(await Billing.sendBillingRun(c.get("actor"), studioId, runId), 200);
  });
