import { createRoute } from "@hono/zod-openapi";
import { Accounts } from "@studiosync/core";
import { requireActor } from "../http/auth";
import { createRouter } from "../http/router";
import { MeSchema } from "../schemas/account";
import { jsonResponse, problems } from "../schemas/problem";

const me = createRoute({
  method: "get",
  path: "/",
  tags: ["Me"],
  summary: "The signed-in user and their studios with roles",
  security: [{ bearer: [] }],
  middleware: requireActor,
  responses: { 200: jsonResponse(MeSchema, "The signed-in user"), ...problems(401) },
});

export const meRoutes = createRouter().openapi(me, async (c) => c.json(await Accounts.getMe(c.get("actor")), 200));
