import { createRoute } from "@hono/zod-openapi";
import * as Billing from "@studiosync/core/billing";
import { createRouter } from "../http/router";
import { pathId, secured, studioParams } from "../http/route-params";
import { FeePlanEnrolmentPageSchema, FeePlanEnrolmentSchema, FeePlanListSchema, FeePlanSchema } from "../schemas/fee-plans";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Fee plans"];
const planParams = studioParams.extend({ feePlanId: pathId("feePlanId") });
const enrolmentParams = planParams.extend({ studentId: pathId("studentId") });

const listPlans = createRoute({
  method: "get",
  path: "/{studioId}/fee-plans",
  tags,
  summary: "The studio's fee plans, active first, by name (every member)",
  ...secured,
  request: { params: studioParams, query: Billing.listFeePlansQuerySchema },
  responses: { 200: jsonResponse(FeePlanListSchema, "The plans"), ...problems(401, 404, 422) },
});

const createPlan = createRoute({
  method: "post",
  path: "/{studioId}/fee-plans",
  tags,
  summary: "Add a fee plan: a per-lesson rate, a monthly fee or a term package (admins)",
  description:
    "How a lesson is charged, in order: a monthly or term plan the student is on that day covers it (the plan's own charge " +
    "is billed instead); else a per-lesson plan's amount; else the teacher's hourly rate pro rata of the booked minutes; " +
    "else the studio's default hourly rate (billing settings); else it is not billed and the billing run says why.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Billing.createFeePlanSchema.openapi("CreateFeePlanRequest")) },
  responses: { 201: jsonResponse(FeePlanSchema, "The plan"), ...problems(401, 403, 404, 422) },
});

const getPlan = createRoute({
  method: "get",
  path: "/{studioId}/fee-plans/{feePlanId}",
  tags,
  summary: "One fee plan (every member)",
  ...secured,
  request: { params: planParams },
  responses: { 200: jsonResponse(FeePlanSchema, "The plan"), ...problems(401, 404) },
});

const updatePlan = createRoute({
  method: "patch",
  path: "/{studioId}/fee-plans/{feePlanId}",
  tags,
  summary: "Change a fee plan, or archive it with `isActive: false` (admins)",
  description: "The kind never changes. A new amount applies to what is billed from now on; drafted and sent invoices keep theirs.",
  ...secured,
  request: { params: planParams, body: jsonBody(Billing.updateFeePlanSchema.openapi("UpdateFeePlanRequest")) },
  responses: { 200: jsonResponse(FeePlanSchema, "The plan"), ...problems(401, 403, 404, 409, 422) },
});

const deletePlan = createRoute({
  method: "delete",
  path: "/{studioId}/fee-plans/{feePlanId}",
  tags,
  summary: "Remove a fee plan nobody is enrolled in (admins); 409 while it has enrolments (archive it instead)",
  ...secured,
  request: { params: planParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

const listEnrolments = createRoute({
  method: "get",
  path: "/{studioId}/fee-plans/{feePlanId}/enrolments",
  tags,
  summary: "The students on a fee plan (admins: all; others: the students they may see)",
  ...secured,
  request: { params: planParams, query: Billing.listEnrolmentsQuerySchema },
  responses: { 200: jsonResponse(FeePlanEnrolmentPageSchema, "One page of enrolments"), ...problems(401, 404, 422) },
});

const enrol = createRoute({
  method: "post",
  path: "/{studioId}/fee-plans/{feePlanId}/enrolments",
  tags,
  summary: "Put a student on a fee plan from a local date (admins)",
  description:
    "A student is on a plan once (change the dates with PATCH) and on at most one plan of each kind on any date (409 names " +
    "the other; term plans count only within their term). Archived plans take no new enrolments.",
  ...secured,
  request: { params: planParams, body: jsonBody(Billing.enrolStudentSchema.openapi("EnrolStudentRequest")) },
  responses: { 201: jsonResponse(FeePlanEnrolmentSchema, "The enrolment"), ...problems(401, 403, 404, 409, 422) },
});

const updateEnrolment = createRoute({
  method: "patch",
  path: "/{studioId}/fee-plans/{feePlanId}/enrolments/{studentId}",
  tags,
  summary: "Change an enrolment's dates, e.g. end the plan from a date (admins)",
  ...secured,
  request: { params: enrolmentParams, body: jsonBody(Billing.updateEnrolmentSchema.openapi("UpdateEnrolmentRequest")) },
  responses: { 200: jsonResponse(FeePlanEnrolmentSchema, "The enrolment"), ...problems(401, 403, 404, 409, 422) },
});

const removeEnrolment = createRoute({
  method: "delete",
  path: "/{studioId}/fee-plans/{feePlanId}/enrolments/{studentId}",
  tags,
  summary: "Take a student off a fee plan (admins); lessons already billed stay billed",
  ...secured,
  request: { params: enrolmentParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404) },
});

export const feePlanRoutes = createRouter()
  .openapi(listPlans, async (c) => c.json(await Billing.listFeePlans(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createPlan, async (c) => c.json(await Billing.createFeePlan(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getPlan, async (c) => {
    const { studioId, feePlanId } = c.req.valid("param");
    return c.json(await Billing.getFeePlan(c.get("actor"), studioId, feePlanId), 200);
  })
  .openapi(updatePlan, async (c) => {
    const { studioId, feePlanId } = c.req.valid("param");
    return c.json(await Billing.updateFeePlan(c.get("actor"), studioId, feePlanId, c.req.valid("json")), 200);
  })
  .openapi(deletePlan, async (c) => {
    const { studioId, feePlanId } = c.req.valid("param");
    await Billing.deleteFeePlan(c.get("actor"), studioId, feePlanId);
    return c.body(null, 204);
  })
  .openapi(listEnrolments, async (c) => {
    const { studioId, feePlanId } = c.req.valid("param");
    return c.json(await Billing.listEnrolments(c.get("actor"), studioId, feePlanId, c.req.valid("query")), 200);
  })
  .openapi(enrol, async (c) => {
    const { studioId, feePlanId } = c.req.valid("param");
    return c.json(await Billing.enrolStudent(c.get("actor"), studioId, feePlanId, c.req.valid("json")), 201);
  })
  .openapi(updateEnrolment, async (c) => {
    const { studioId, feePlanId, studentId } = c.req.valid("param");
    return c.json(await Billing.updateEnrolment(c.get("actor"), studioId, feePlanId, studentId, c.req.valid("json")), 200);
  })
  .openapi(removeEnrolment, async (c) => {
    const { studioId, feePlanId, studentId } = c.req.valid("param");
    await Billing.removeEnrolment(c.get("actor"), studioId, feePlanId, studentId);
    return c.body(null, 204);
  });
