import { createRoute, z } from "@hono/zod-openapi";
import * as Leads from "@studiosync/core/leads";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import {
  LeadBoardSchema,
  LeadConversionSchema,
  LeadDetailSchema,
  LeadFunnelSchema,
  LeadImportReportSchema,
  LeadPageSchema,
  LeadSchema,
  LeadStagesSchema,
} from "../schemas/leads";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Leads"];
const params = studioParams.extend({ leadId: pathId("leadId") });

const listLeads = createRoute({
  method: "get",
  path: "/{studioId}/leads",
  tags,
  summary: "The studio's leads, newest first (staff; a teacher: the leads assigned to them)",
  description: "Filters over each page: `stage`, `source`, `ownerId`, `tag` (a page may hold fewer than `limit`).",
  ...secured,
  request: { params: studioParams, query: Leads.listLeadsQuerySchema },
  responses: { 200: jsonResponse(LeadPageSchema, "One page of leads"), ...problems(401, 403, 404, 422) },
});

const createLead = createRoute({
  method: "post",
  path: "/{studioId}/leads",
  tags,
  summary: "Enter a lead (owners, admins): source staff or walk_in, stage default new",
  ...secured,
  request: { params: studioParams, body: jsonBody(Leads.createLeadSchema.openapi("CreateLeadRequest")) },
  responses: { 201: jsonResponse(LeadSchema, "The new lead"), ...problems(401, 403, 404, 422) },
});

const importLeads = createRoute({
  method: "post",
  path: "/{studioId}/leads/import",
  tags,
  summary: "Import leads from CSV (owners, admins), with a report per row",
  description:
    "Each row is validated like a staff-entered lead (errors named by column); a bad row is reported failed and the others go on. " +
    "Each lead is written as staff entry writes one (board counts, audit event), up to 33 per transaction. Rows are recognised by an " +
    "import hash of their normalised values, so importing the same file again creates nothing twice (those rows are `skipped` with " +
    "the existing id). A created row whose contact email or phone an open lead already has names it in `duplicateOf`. " +
    "`assignedTeacher` is a teacher's email. The CSV is at most 60 KB; an unknown or missing required column is a 422. `dryRun` reports without writing.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Leads.importLeadsSchema.openapi("ImportLeadsRequest")) },
  responses: { 200: jsonResponse(LeadImportReportSchema, "What happened to each data row"), ...problems(401, 403, 404, 422) },
});

const board = createRoute({
  method: "get",
  path: "/{studioId}/leads/board",
  tags,
  summary: "The board: the stages with their counts, and one page of leads sorted by stage (two DynamoDB calls)",
  ...secured,
  request: { params: studioParams, query: Leads.boardQuerySchema },
  responses: { 200: jsonResponse(LeadBoardSchema, "The stages and one page of leads"), ...problems(401, 403, 404, 422) },
});

const getStages = createRoute({
  method: "get",
  path: "/{studioId}/leads/stages",
  tags,
  summary: "The studio's lead stages in board order, with their counts (staff)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(LeadStagesSchema, "The stages"), ...problems(401, 403, 404) },
});

const putStages = createRoute({
  method: "put",
  path: "/{studioId}/leads/stages",
  tags,
  summary: "Rename, reorder, add or remove stages (owners, admins); the six built-in stages stay, a custom one goes only when empty",
  ...secured,
  request: { params: studioParams, body: jsonBody(Leads.updateLeadStagesSchema.openapi("UpdateLeadStagesRequest")) },
  responses: { 200: jsonResponse(LeadStagesSchema, "The stages"), ...problems(401, 403, 404, 409, 422) },
});

const funnel = createRoute({
  method: "get",
  path: "/{studioId}/leads/funnel",
  tags,
  summary: "The funnel of the leads created from `from` to `to` (owners, admins): counts and conversion per stage and source, median time in stage",
  ...secured,
  request: { params: studioParams, query: Leads.funnelQuerySchema },
  responses: { 200: jsonResponse(LeadFunnelSchema, "The funnel"), ...problems(401, 403, 404, 422) },
});

const getLead = createRoute({
  method: "get",
  path: "/{studioId}/leads/{leadId}",
  tags,
  summary: "One lead with its likely duplicates (staff: a teacher, a lead assigned to them); `include=tasks` brings its tasks",
  ...secured,
  request: { params, query: z.object({ include: z.enum(["tasks"], { errorMap: () => ({ message: "must be tasks" }) }).optional() }) },
  responses: { 200: jsonResponse(LeadDetailSchema, "The lead"), ...problems(401, 403, 404, 422) },
});

const updateLead = createRoute({
  method: "patch",
  path: "/{studioId}/leads/{leadId}",
  tags,
  summary: "Change a lead's details (owners, admins); `null` clears",
  ...secured,
  request: { params, body: jsonBody(Leads.updateLeadSchema.openapi("UpdateLeadRequest")) },
  responses: { 200: jsonResponse(LeadSchema, "The lead"), ...problems(401, 403, 404, 409, 422) },
});

const deleteLead = createRoute({
  method: "delete",
  path: "/{studioId}/leads/{leadId}",
  tags,
  summary: "Take a lead out of the lists (owners, admins)",
  ...secured,
  request: { params },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
});

const moveLead = createRoute({
  method: "post",
  path: "/{studioId}/leads/{leadId}/stage",
  tags,
  summary: "Move a lead to another stage (owners, admins); lost needs `lostReason`; enrolled comes by conversion",
  ...secured,
  request: { params, body: jsonBody(Leads.moveLeadSchema.openapi("MoveLeadRequest")) },
  responses: { 200: jsonResponse(LeadSchema, "The lead"), ...problems(401, 403, 404, 409, 422) },
});

const addNote = createRoute({
  method: "post",
  path: "/{studioId}/leads/{leadId}/notes",
  tags,
  summary: "Add a note to a lead (owners, admins; a teacher on a lead assigned to them)",
  ...secured,
  request: { params, body: jsonBody(Leads.addLeadNoteSchema.openapi("AddLeadNoteRequest")) },
  responses: { 201: jsonResponse(LeadSchema, "The lead"), ...problems(401, 403, 404, 409, 422) },
});

const contactAttempt = createRoute({
  method: "post",
  path: "/{studioId}/leads/{leadId}/contact-attempts",
  tags,
  summary: "Record a contact attempt (counted, last contacted now, noted with its outcome)",
  ...secured,
  request: { params, body: jsonBody(Leads.contactAttemptSchema.openapi("ContactAttemptRequest")) },
  responses: { 201: jsonResponse(LeadSchema, "The lead"), ...problems(401, 403, 404, 409, 422) },
});

const merge = createRoute({
  method: "post",
  path: "/{studioId}/leads/{leadId}/merge",
  tags,
  summary:
    "Merge a duplicate into this lead in one transaction (owners, admins): missing fields, notes, tags and tasks come over; the duplicate leaves the lists",
  ...secured,
  request: { params, body: jsonBody(Leads.mergeLeadsSchema.openapi("MergeLeadsRequest")) },
  responses: { 200: jsonResponse(LeadSchema, "The surviving lead"), ...problems(401, 403, 404, 409, 422) },
});

const convert = createRoute({
  method: "post",
  path: "/{studioId}/leads/{leadId}/convert",
  tags,
  summary: "Convert a lead to a family and student in one transaction (owners, admins); then, optionally, the guardian's invitation",
  description:
    "The first weekly lesson is a recurring pattern for the new `studentId` (`POST …/recurring-patterns`, planning's own use case), made right after: the workspace's convert form does both.",
  ...secured,
  request: { params, body: jsonBody(Leads.convertLeadSchema.openapi("ConvertLeadRequest")) },
  responses: { 201: jsonResponse(LeadConversionSchema, "What the conversion made"), ...problems(401, 403, 404, 409, 422) },
});

export const leadRoutes = createRouter()
  .openapi(listLeads, async (c) => c.json(await Leads.listLeads(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createLead, async (c) => c.json(await Leads.createLead(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(importLeads, async (c) => c.json(await Leads.importLeads(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200))
  .openapi(board, async (c) => c.json(await Leads.leadBoard(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getStages, async (c) => c.json(await Leads.getLeadStages(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(putStages, async (c) => c.json(await Leads.updateLeadStages(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200))
  .openapi(funnel, async (c) => c.json(await Leads.leadFunnel(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(getLead, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.getLead(c.get("actor"), studioId, leadId, { tasks: c.req.valid("query").include === "tasks" }), 200);
  })
  .openapi(updateLead, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.updateLead(c.get("actor"), studioId, leadId, c.req.valid("json")), 200);
  })
  .openapi(deleteLead, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    await Leads.deleteLead(c.get("actor"), studioId, leadId);
    return c.body(null, 204);
  })
  .openapi(moveLead, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.moveLead(c.get("actor"), studioId, leadId, c.req.valid("json")), 200);
  })
  .openapi(addNote, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.addLeadNote(c.get("actor"), studioId, leadId, c.req.valid("json")), 201);
  })
  .openapi(contactAttempt, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.recordContactAttempt(c.get("actor"), studioId, leadId, c.req.valid("json")), 201);
  })
  .openapi(merge, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.mergeLeads(c.get("actor"), studioId, leadId, c.req.valid("json")), 200);
  })
  .openapi(convert, async (c) => {
    const { studioId, leadId } = c.req.valid("param");
    return c.json(await Leads.convertLead(c.get("actor"), studioId, leadId, c.req.valid("json")), 201);
  });
