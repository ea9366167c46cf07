import { createRoute } from "@hono/zod-openapi";
import { Studios } from "@studiosync/core";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { LogoUploadSchema, StudioSchema } from "../schemas/studio";
import { secured, studioParams } from "../http/route-params";

const tags = ["Studios"];

const getStudio = createRoute({
  method: "get",
  path: "/{studioId}",
  tags,
  summary: "A studio's settings and branding (members)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(StudioSchema, "The studio"), ...problems(401, 404) },
});

const updateStudio = createRoute({
  method: "patch",
  path: "/{studioId}",
  tags,
  summary: "Change settings and branding (owner, admin). `null` clears a field",
  description:
    "A new `slug` that another studio holds is a 409. The `currency` is fixed once money is on record (invoices, billing " +
    "accounts or fee plans): changing it then is a 409 saying why, as recorded money keeps the currency it was recorded in.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Studios.updateStudioSchema.openapi("UpdateStudioRequest")) },
  responses: { 200: jsonResponse(StudioSchema, "The updated studio"), ...problems(400, 401, 403, 404, 409, 422) },
});

const logoUpload = createRoute({
  method: "post",
  path: "/{studioId}/logo-upload",
  tags,
  summary: "A presigned URL to upload a logo; then PATCH the studio with `logoKey`",
  ...secured,
  request: { params: studioParams, body: jsonBody(Studios.logoUploadSchema.openapi("LogoUploadRequest")) },
  responses: { 200: jsonResponse(LogoUploadSchema, "Upload the file with PUT to uploadUrl"), ...problems(400, 401, 403, 404, 422) },
});

export const studioRoutes = createRouter()
  .openapi(getStudio, async (c) => c.json(await Studios.getStudio(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(updateStudio, async (c) => c.json(await Studios.updateStudio(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200))
  .openapi(logoUpload, async (c) => c.json(await Studios.createLogoUpload(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200));
