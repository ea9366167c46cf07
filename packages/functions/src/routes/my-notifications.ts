import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Notifications from "@studiosync/core/notifications";
import { secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { MyNotificationsSchema } from "../schemas/notifications";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Notifications"];

const getMine = createRoute({
  method: "get",
  path: "/{studioId}/me/notifications",
  tags,
  summary: "Which non-essential mail from this studio your own address gets (any member)",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(MyNotificationsSchema, "Your preferences"), ...problems(401, 404) },
});

const setMine = createRoute({
  method: "put",
  path: "/{studioId}/me/notifications",
  tags,
  summary: "Turn lesson reminders, free-slot offers and calendar invitations from this studio on or off for your own address",
  description: "The same choices an email's unsubscribe link makes. Types left out stay as they are. Essential mail cannot be turned off.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Notifications.notificationPreferencesSchema.openapi("NotificationPreferences")) },
  responses: { 200: jsonResponse(MyNotificationsSchema, "Your preferences"), ...problems(400, 401, 404, 422) },
});

export const myNotificationRoutes = createRouter()
  .openapi(getMine, async (c) => c.json(await Notifications.getMyNotifications(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(setMine, async (c) => {
    const { studioId } = c.req.valid("param");
    return c.json(await Notifications.setMyNotifications(c.get("actor"), studioId, c.req.valid("json")), 200);
  });
