import { createRoute } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Notifications from "@studiosync/core/notifications";
import { secured } from "../http/route-params";
import { createRouter } from "../http/router";
import { MyPreferencesSchema } from "../schemas/notices";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Notifications"];

const getPreferences = createRoute({
  method: "get",
  path: "/preferences",
  tags,
  summary: "How you get each type of notice from each of your studios: by email (as it happens, a daily digest, or not) and in the app",
  ...secured,
  responses: { 200: jsonResponse(MyPreferencesSchema, "Your preferences"), ...problems(401) },
});

const setPreferences = createRoute({
  method: "put",
  path: "/preferences",
  tags,
  summary: "Change how you get notices from one of your studios, per type and channel",
  description:
    "Types and channels left out stay as they are. Essential mail (invoices and payments, lesson changes, class places) is always emailed " +
    "as it happens; it can only be kept out of the app. An email's unsubscribe link changes the same preferences.",
  ...secured,
  request: { body: jsonBody(Notifications.myPreferencesSchema.openapi("MyPreferencesChange")) },
  responses: { 200: jsonResponse(MyPreferencesSchema, "Your preferences"), ...problems(400, 401, 404, 422) },
});

/**
 * The signed-in person's preferences per studio, type and channel, under /v1/me (on the platform
 * Lambda, with the account's other settings and the unsubscribe links that write the same ones).
 */
export const myPreferenceRoutes = createRouter()
  .openapi(getPreferences, async (c) => c.json(await Notifications.getMyPreferences(c.get("actor")), 200))
  .openapi(setPreferences, async (c) => c.json(await Notifications.setMyPreferences(c.get("actor"), c.req.valid("json")), 200));
