import { createRoute } from "@hono/zod-openapi";
import { People } from "@studiosync/core";
import { createRouter } from "../http/router";
import { FamilyPageSchema, FamilySchema, GuardianListSchema, GuardianSchema } from "../schemas/families";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Families"];
const familyParams = studioParams.extend({ familyId: pathId("familyId") });
const guardianParams = familyParams.extend({ guardianId: pathId("guardianId") });
const noContent = { 204: { description: "Done" } };

const listFamilies = createRoute({
  method: "get",
  path: "/{studioId}/families",
  tags,
  summary:
    "The studio's families by name (admins). `q` searches a name prefix, or a billing email prefix when it contains @; `deleted=true` the deleted ones, to restore",
  ...secured,
  request: { params: studioParams, query: People.listFamiliesQuerySchema },
  responses: { 200: jsonResponse(FamilyPageSchema, "One page of families"), ...problems(401, 403, 404, 422) },
});

const createFamily = createRoute({
  method: "post",
  path: "/{studioId}/families",
  tags,
  summary: "Add a family (admins)",
  ...secured,
  request: { params: studioParams, body: jsonBody(People.createFamilySchema.openapi("CreateFamilyRequest")) },
  responses: { 201: jsonResponse(FamilySchema, "The new family"), ...problems(400, 401, 403, 404, 422) },
});

const getFamily = createRoute({
  method: "get",
  path: "/{studioId}/families/{familyId}",
  tags,
  summary: "A family with its guardians and students (admins, its parents, teachers of its students)",
  ...secured,
  request: { params: familyParams },
  responses: { 200: jsonResponse(FamilySchema, "The family"), ...problems(401, 404) },
});

const updateFamily = createRoute({
  method: "patch",
  path: "/{studioId}/families/{familyId}",
  tags,
  summary: "Change a family (admins; its parents: phone, address, billingEmail). `null` clears a field",
  ...secured,
  request: { params: familyParams, body: jsonBody(People.updateFamilySchema.openapi("UpdateFamilyRequest")) },
  responses: { 200: jsonResponse(FamilySchema, "The updated family"), ...problems(400, 401, 403, 404, 422) },
});

const deleteFamily = createRoute({
  method: "delete",
  path: "/{studioId}/families/{familyId}",
  tags,
  summary: "Soft-delete a family (admins); restore it with POST …/restore",
  ...secured,
  request: { params: familyParams },
  responses: { ...noContent, ...problems(401, 403, 404) },
});

const restoreFamily = createRoute({
  method: "post",
  path: "/{studioId}/families/{familyId}/restore",
  tags,
  summary: "Restore a deleted family (admins)",
  ...secured,
  request: { params: familyParams },
  responses: { 200: jsonResponse(FamilySchema, "The restored family"), ...problems(401, 403, 404, 409) },
});

const listGuardians = createRoute({
  method: "get",
  path: "/{studioId}/families/{familyId}/guardians",
  tags,
  summary: "A family's guardians (whoever may see the family)",
  ...secured,
  request: { params: familyParams },
  responses: { 200: jsonResponse(GuardianListSchema, "The guardians"), ...problems(401, 404) },
});

const addGuardian = createRoute({
  method: "post",
  path: "/{studioId}/families/{familyId}/guardians",
  tags,
  summary: "Add a guardian to a family (admins)",
  ...secured,
  request: { params: familyParams, body: jsonBody(People.createGuardianSchema.openapi("CreateGuardianRequest")) },
  responses: { 201: jsonResponse(GuardianSchema, "The new guardian"), ...problems(400, 401, 403, 404, 422) },
});

const updateGuardian = createRoute({
  method: "patch",
  path: "/{studioId}/families/{familyId}/guardians/{guardianId}",
  tags,
  summary: "Change a guardian (admins; a parent their own record). `null` clears a field",
  ...secured,
  request: { params: guardianParams, body: jsonBody(People.updateGuardianSchema.openapi("UpdateGuardianRequest")) },
  responses: { 200: jsonResponse(GuardianSchema, "The updated guardian"), ...problems(400, 401, 403, 404, 422) },
});

const removeGuardian = createRoute({
  method: "delete",
  path: "/{studioId}/families/{familyId}/guardians/{guardianId}",
  tags,
  summary: "Remove a guardian (admins); a primary contact stops being it",
  ...secured,
  request: { params: guardianParams },
  responses: { ...noContent, ...problems(401, 403, 404, 409) },
});

export const familyRoutes = createRouter()
  .openapi(listFamilies, async (c) => c.json(await People.listFamilies(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createFamily, async (c) => c.json(await People.createFamily(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getFamily, async (c) => {
    const { studioId, familyId } = c.req.valid("param");
    return c.json(await People.getFamily(c.get("actor"), studioId, familyId), 200);
  })
  .openapi(updateFamily, async (c) => {
    const { studioId, familyId } = c.req.valid("param");
    return c.json(await People.updateFamily(c.get("actor"), studioId, familyId, c.req.valid("json")), 200);
  })
  .openapi(deleteFamily, async (c) => {
    const { studioId, familyId } = c.req.valid("param");
    await People.deleteFamily(c.get("actor"), studioId, familyId);
    return c.body(null, 204);
  })
  .openapi(restoreFamily, async (c) => {
    const { studioId, familyId } = c.req.valid("param");
    return c.json(await People.restoreFamily(c.get("actor"), studioId, familyId), 200);
  })
  .openapi(listGuardians, async (c) => {
    const { studioId, familyId } = c.req.valid("param");
    return c.json(await People.listGuardians(c.get("actor"), studioId, familyId), 200);
  })
  .openapi(addGuardian, async (c) => {
    const { studioId, familyId } = c.req.valid("param");
    return c.json(await People.addGuardian(c.get("actor"), studioId, familyId, c.req.valid("json")), 201);
  })
  .openapi(updateGuardian, async (c) => {
    const { studioId, familyId, guardianId } = c.req.valid("param");
    return c.json(await People.updateGuardian(c.get("actor"), studioId, familyId, guardianId, c.req.valid("json")), 200);
  })
  .openapi(removeGuardian, async (c) => {
    const { studioId, familyId, guardianId } = c.req.valid("param");
    await People.removeGuardian(c.get("actor"), studioId, familyId, guardianId);
    return c.body(null, 204);
  });
