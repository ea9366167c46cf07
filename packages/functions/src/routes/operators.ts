import { createRoute, z } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Operators from "@studiosync/core/operators";
import { monthField } from "@studiosync/core/metering";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import {
  MonthInvoicesSchema,
  OperatorActionPageSchema,
  OperatorSchema,
  OperatorStudioDetailSchema,
  OperatorStudioPageSchema,
  SuspensionSchema,
} from "../schemas/operators";

const tags = ["Platform operators"];
const OPERATORS_ONLY =
  "Only the platform's operators (a role `npm run operator -- grant <email>` gives; never an API key): anyone else 403 `platform.operators_only`.";
const monthParams = z.object({ month: monthField.openapi({ param: { name: "month", in: "path" }, example: "2026-11" }) });

const me = createRoute({
  method: "get",
  path: "/me",
  tags,
  summary: "The signed-in operator (operators only)",
  description: OPERATORS_ONLY,
  ...secured,
  responses: { 200: jsonResponse(OperatorSchema, "The operator"), ...problems(401, 403) },
});

const listStudios = createRoute({
  method: "get",
  path: "/studios",
  tags,
  summary: "Every studio by address, with its pause, owner, this month's usage and bill, and open platform invoices (operators)",
  description: `${OPERATORS_ONLY} \`q\`: the start of a studio's name or address (\"harmony h\" finds harmony-house), or an email of one of its people.`,
  ...secured,
  request: { query: Operators.listStudiosQuerySchema },
  responses: { 200: jsonResponse(OperatorStudioPageSchema, "A page of studios"), ...problems(401, 403, 422) },
});

const getStudio = createRoute({
  method: "get",
  path: "/studios/{studioId}",
  tags,
  summary: "One studio: its pause, owners, card, 12 months of usage with their bills, platform invoices and the operators' actions on it (operators)",
  description: OPERATORS_ONLY,
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(OperatorStudioDetailSchema, "The studio"), ...problems(401, 403, 404) },
});

const suspend = createRoute({
  method: "post",
  path: "/studios/{studioId}/suspend",
  tags,
  summary: "Suspend a studio (operators): its workspace becomes read-only, its owners are emailed the reason, both audit logs record it",
  description:
    `${OPERATORS_ONLY} While suspended, the studio's members may only read, export and pay (every change: 403 \`studio.paused\`). ` +
    "409 `studio.already_suspended` when it is; a retry after a lost answer gets that 409, never a second email.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Operators.suspendStudioSchema.openapi("SuspendStudioRequest")) },
  responses: { 200: jsonResponse(SuspensionSchema, "Suspended"), ...problems(400, 401, 403, 404, 409, 415, 422) },
});

const unsuspend = createRoute({
  method: "post",
  path: "/studios/{studioId}/unsuspend",
  tags,
  summary: "Lift a studio's suspension (operators); a platform invoice unpaid past its dunning ladder keeps it paused as unpaid",
  description:
    `${OPERATORS_ONLY} The owners are emailed; both audit logs record it. 409 \`studio.not_suspended\` for a studio that is not suspended ` +
    "(one paused only for an unpaid invoice stays paused until it is paid).",
  ...secured,
  request: { params: studioParams, body: jsonBody(Operators.unsuspendStudioSchema.openapi("UnsuspendStudioRequest")) },
  responses: { 200: jsonResponse(SuspensionSchema, "The studio's pause now"), ...problems(400, 401, 403, 404, 409, 415, 422) },
});

const monthInvoices = createRoute({
  method: "get",
  path: "/invoices/{month}",
  tags,
  summary: "What StudioSync invoiced for a month, a page of studios at a time, with the month's totals (operators)",
  description: OPERATORS_ONLY,
  ...secured,
  request: { params: monthParams, query: Operators.operatorListQuerySchema },
  responses: { 200: jsonResponse(MonthInvoicesSchema, "The month's invoices"), ...problems(401, 403, 422) },
});

const audit = createRoute({
  method: "get",
  path: "/audit",
  tags,
  summary: "The operators' audit log: every suspension, its lifting and every operator role granted or revoked, newest first (operators)",
  description: OPERATORS_ONLY,
  ...secured,
  request: { query: Operators.operatorListQuerySchema },
  responses: { 200: jsonResponse(OperatorActionPageSchema, "A page of the log"), ...problems(401, 403, 422) },
});

/** The platform operators' console, under /v1/platform. */
export const operatorRoutes = createRouter()
  .openapi(me, async (c) => c.json(await Operators.getOperator(c.get("actor")), 200))
  .openapi(listStudios, async (c) => c.json(await Operators.listStudios(c.get("actor"), c.req.valid("query"), c.var.clock()), 200))
  .openapi(getStudio, async (c) => c.json(await Operators.getOperatorStudio(c.get("actor"), c.req.valid("param").studioId, c.var.clock()), 200))
  .openapi(suspend, async (c) => c.json(await Operators.suspendStudio(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 200))
  .openapi(unsuspend, async (c) =>
    c.json(await Operators.unsuspendStudio(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 200),
  )
  .openapi(monthInvoices, async (c) =>
    c.json(await Operators.listMonthInvoices(c.get("actor"), c.req.valid("param").month, c.req.valid("query"), c.var.clock()), 200),
  )
  .openapi(audit, async (c) => c.json(await Operators.listOperatorActions(c.get("actor"), c.req.valid("query")), 200));
