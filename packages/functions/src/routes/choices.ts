import { createRoute, z } from "@hono/zod-openapi";
import { CHOICE_LISTS, workspaceChoices } from "@studiosync/core/workspace";
import { createRouter } from "../http/router";
import { secured, studioParams } from "../http/route-params";
import { jsonResponse, problems } from "../schemas/problem";
import { WorkspaceChoicesSchema } from "../schemas/choices";

const list = z.enum(CHOICE_LISTS, { errorMap: () => ({ message: `must be one of ${CHOICE_LISTS.join(", ")}` }) });

const getChoices = createRoute({
  method: "get",
  path: "/{studioId}/choices",
  tags: ["Workspace"],
  summary: "What a page's selects choose from, in one read (every member): teachers with their hours, students, families, bands, rooms, group courses",
  description:
    "`include` names the lists (repeat it: `include=students&include=rooms`); each is the first page (at most 100) its list route " +
    "gives the caller. `teachers`: the working weeks of the teachers the caller books for (admins every listed teacher, a teacher " +
    "themself, students and parents none); `families`, `bands` and `courses` (group courses with plans and class slots ahead) are the admins' (left out for others). One read of the " +
    "membership, then the lists' queries in parallel.",
  ...secured,
  request: { params: studioParams, query: z.object({ include: z.union([list, z.array(list).max(CHOICE_LISTS.length)]) }) },
  responses: { 200: jsonResponse(WorkspaceChoicesSchema, "The lists asked for"), ...problems(401, 404, 422) },
});

export const choicesRoutes = createRouter().openapi(getChoices, async (c) =>
  c.json(await workspaceChoices(c.get("actor"), c.req.valid("param").studioId, [c.req.valid("query").include].flat()), 200),
);
