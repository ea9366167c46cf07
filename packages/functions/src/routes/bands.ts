import { createRoute } from "@hono/zod-openapi";
import { People } from "@studiosync/core";
import { createRouter } from "../http/router";
import { BandPageSchema, BandSchema } from "../schemas/bands";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Bands"];
const bandParams = studioParams.extend({ bandId: pathId("bandId") });
const memberParams = bandParams.extend({ studentId: pathId("studentId") });

const listBands = createRoute({
  method: "get",
  path: "/{studioId}/bands",
  tags,
  summary: "The studio's bands by name (admins). `q` searches a name prefix; `deleted=true` the deleted ones, to restore",
  ...secured,
  request: { params: studioParams, query: People.listBandsQuerySchema },
  responses: { 200: jsonResponse(BandPageSchema, "One page of bands"), ...problems(401, 403, 404, 422) },
});

const createBand = createRoute({
  method: "post",
  path: "/{studioId}/bands",
  tags,
  summary: "Add a band or ensemble (admins); add members with PUT …/members/{studentId}",
  ...secured,
  request: { params: studioParams, body: jsonBody(People.createBandSchema.openapi("CreateBandRequest")) },
  responses: { 201: jsonResponse(BandSchema, "The new band"), ...problems(400, 401, 403, 404, 422) },
});

const getBand = createRoute({
  method: "get",
  path: "/{studioId}/bands/{bandId}",
  tags,
  summary: "A band with its members (admins, its members, their teachers)",
  ...secured,
  request: { params: bandParams },
  responses: { 200: jsonResponse(BandSchema, "The band"), ...problems(401, 404) },
});

const updateBand = createRoute({
  method: "patch",
  path: "/{studioId}/bands/{bandId}",
  tags,
  summary: "Change a band (admins). `null` clears a field; primaryContactId must be a member",
  ...secured,
  request: { params: bandParams, body: jsonBody(People.updateBandSchema.openapi("UpdateBandRequest")) },
  responses: { 200: jsonResponse(BandSchema, "The updated band"), ...problems(400, 401, 403, 404, 422) },
});

const deleteBand = createRoute({
  method: "delete",
  path: "/{studioId}/bands/{bandId}",
  tags,
  summary: "Soft-delete a band (admins); restore it with POST …/restore",
  ...secured,
  request: { params: bandParams },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404) },
});

const restoreBand = createRoute({
  method: "post",
  path: "/{studioId}/bands/{bandId}/restore",
  tags,
  summary: "Restore a deleted band (admins)",
  ...secured,
  request: { params: bandParams },
  responses: { 200: jsonResponse(BandSchema, "The restored band"), ...problems(401, 403, 404, 409) },
});

const addMember = createRoute({
  method: "put",
  path: "/{studioId}/bands/{bandId}/members/{studentId}",
  tags,
  summary: "Add a student to a band (admins); adding a member twice changes nothing",
  ...secured,
  request: { params: memberParams },
  responses: { 200: jsonResponse(BandSchema, "The band with its members"), ...problems(401, 403, 404, 422) },
});

const removeMember = createRoute({
  method: "delete",
  path: "/{studioId}/bands/{bandId}/members/{studentId}",
  tags,
  summary: "Take a student out of a band (admins)",
  ...secured,
  request: { params: memberParams },
  responses: { 200: jsonResponse(BandSchema, "The band with its members"), ...problems(401, 403, 404, 409) },
});

export const bandRoutes = createRouter()
  .openapi(listBands, async (c) => c.json(await People.listBands(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createBand, async (c) => c.json(await People.createBand(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getBand, async (c) => {
    const { studioId, bandId } = c.req.valid("param");
    return c.json(await People.getBand(c.get("actor"), studioId, bandId), 200);
  })
  .openapi(updateBand, async (c) => {
    const { studioId, bandId } = c.req.valid("param");
    return c.json(await People.updateBand(c.get("actor"), studioId, bandId, c.req.valid("json")), 200);
  })
  .openapi(deleteBand, async (c) => {
    const { studioId, bandId } = c.req.valid("param");
    await People.deleteBand(c.get("actor"), studioId, bandId);
    return c.body(null, 204);
  })
  .openapi(restoreBand, async (c) => {
    const { studioId, bandId } = c.req.valid("param");
    return c.json(await People.restoreBand(c.get("actor"), studioId, bandId), 200);
  })
  .openapi(addMember, async (c) => {
    const { studioId, bandId, studentId } = c.req.valid("param");
    return c.json(await People.addBandMember(c.get("actor"), studioId, bandId, studentId), 200);
  })
  .openapi(removeMember, async (c) => {
    const { studioId, bandId, studentId } = c.req.valid("param");
    return c.json(await People.removeBandMember(c.get("actor"), studioId, bandId, studentId), 200);
  });
