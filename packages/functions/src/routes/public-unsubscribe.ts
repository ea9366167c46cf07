import { createRoute, z } from "@hono/zod-openapi";
// The module itself, not the core root's namespace: the bundle keeps only what these routes use.
import * as Notifications from "@studiosync/core/notifications";
import { createRouter } from "../http/router";
import { SubscriptionSchema, UnsubscribeViewSchema } from "../schemas/notifications";
import { jsonResponse, problems } from "../schemas/problem";

const tags = ["Notifications"];
const params = z.object({ token: Notifications.unsubscribeTokenSchema.openapi({ param: { name: "token", in: "path" } }) });

const readUnsubscribe = createRoute({
  method: "get",
  path: "/unsubscribe/{token}",
  tags,
  summary: "What an unsubscribe link stops (studio, address, type) and whether it still gets it; changes nothing",
  description: "A browser (Accept: text/html) is redirected to the studio's unsubscribe page, which asks before acting.",
  request: { params },
  responses: {
    200: jsonResponse(UnsubscribeViewSchema, "The link's subject"),
    303: { description: "To the branded unsubscribe page (browsers)" },
    ...problems(400, 404),
  },
});

const unsubscribe = createRoute({
  method: "post",
  path: "/unsubscribe/{token}",
  tags,
  summary: "One-click unsubscribe (RFC 8058): stops that type of mail to that address, no login; idempotent",
  description: "Mail clients POST `List-Unsubscribe=One-Click` here; any body is accepted and ignored.",
  request: { params },
  responses: { 200: jsonResponse(SubscriptionSchema, "Unsubscribed"), ...problems(400) },
});

const resubscribe = createRoute({
  method: "post",
  path: "/unsubscribe/{token}/resubscribe",
  tags,
  summary: "Undo an unsubscribe: that type of mail to that address starts again; idempotent",
  request: { params },
  responses: { 200: jsonResponse(SubscriptionSchema, "Subscribed again"), ...problems(400) },
});

export const publicUnsubscribeRoutes = createRouter()
  .openapi(readUnsubscribe, async (c) => {
    const { token } = c.req.valid("param");
    const view = await Notifications.readUnsubscribe(token);
    c.header("Cache-Control", "no-store");
    if (/text\/html/.test(c.req.header("Accept") ?? "")) {
      return c.redirect(`${Notifications.unsubscribePageUrl(view.studio.slug, token)}`, 303);
    }
    return c.json(view, 200);
  })
  .openapi(unsubscribe, async (c) => c.json(await Notifications.setSubscription(c.req.valid("param").token, false), 200))
  .openapi(resubscribe, async (c) => c.json(await Notifications.setSubscription(c.req.valid("param").token, true), 200));
