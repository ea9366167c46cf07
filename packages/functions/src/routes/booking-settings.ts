import { createRoute } from "@hono/zod-openapi";
import * as Growth from "@studiosync/core/growth";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { secured, studioParams } from "../http/route-params";

const tags = ["Public page and trials"];

const getSettings = createRoute({
  method: "get",
  path: "/{studioId}/booking-settings",
  tags,
  summary: "What the public page offers and how visitors book trials (every member)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(Growth.BookingSettingsSchema, "The settings (the defaults until an admin sets them)"), ...problems(401, 404) },
});

const putSettings = createRoute({
  method: "put",
  path: "/{studioId}/booking-settings",
  tags,
  summary: "Replace the booking settings: trial lengths, price, notice and horizon; advertised lesson prices; business hours (admins)",
  ...secured,
  request: { params: studioParams, body: jsonBody(Growth.bookingSettingsSchema.openapi("BookingSettingsRequest")) },
  responses: { 200: jsonResponse(Growth.BookingSettingsSchema, "The settings now in force"), ...problems(401, 403, 404, 422) },
});

export const bookingSettingsRoutes = createRouter()
  .openapi(getSettings, async (c) => c.json(await Growth.getBookingSettings(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(putSettings, async (c) => c.json(await Growth.setBookingSettings(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 200));
