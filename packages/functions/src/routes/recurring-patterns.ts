import { createRoute } from "@hono/zod-openapi";
import * as Planning from "@studiosync/core/planning";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { RecurringPatternChangeSchema, RecurringPatternPageSchema, RecurringPatternSchema } from "../schemas/recurring-patterns";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Recurring patterns"];
const params = studioParams.extend({ patternId: pathId("patternId") });

const listPatterns = createRoute({
  method: "get",
  path: "/{studioId}/recurring-patterns",
  tags,
  summary: "Recurring patterns: admins all, teachers their own, students theirs, parents their children's",
  description: "Filters: `teacherId`, `studentId` (patterns the student attends), `active` (still running).",
  ...secured,
  request: { params: studioParams, query: Planning.listPatternsQuerySchema },
  responses: { 200: jsonResponse(RecurringPatternPageSchema, "One page of patterns"), ...problems(401, 403, 404, 422) },
});

const createPattern = createRoute({
  method: "post",
  path: "/{studioId}/recurring-patterns",
  tags,
  summary: "Create a weekly, biweekly or monthly pattern and its lessons up to the horizon (admins; teachers their own, with their own students)",
  description:
    "The pattern's day is `startDate`'s weekday; with `dayOfWeek` it starts on the first such weekday on or after `startDate`. " +
    "`startTime` is local in the studio's time zone and stays so across DST changes. Lessons are made at once up to the studio's " +
    "horizon (default 12 weeks), the rest by the daily job. An occurrence that conflicts with another lesson is a 409 naming it " +
    "and its date (nothing is written); occurrences on closures are skipped and listed in `skipped`.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Planning.createPatternSchema.openapi("CreateRecurringPatternRequest")) },
  responses: { 201: jsonResponse(RecurringPatternChangeSchema, "The new pattern"), ...problems(401, 403, 404, 409, 422) },
});

const getPattern = createRoute({
  method: "get",
  path: "/{studioId}/recurring-patterns/{patternId}",
  tags,
  summary: "One pattern (admins, its teacher, its students, their parents)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(RecurringPatternSchema, "The pattern"), ...problems(401, 404) },
});

const updatePattern = createRoute({
  method: "patch",
  path: "/{studioId}/recurring-patterns/{patternId}",
  tags,
  summary: "Change a pattern from a date on (admins, its teacher); answers the pattern that continues it",
  description:
    "`effectiveFrom` (local date, today or later; default today): the pattern ends the day before and a new pattern " +
    "(`continues` / `continuedBy`) carries the changes. Its lessons from then on that are scheduled, not yet started and not " +
    "edited by hand are replaced; lessons edited or cancelled by hand stay (and keep their date). A conflict is a 409 naming " +
    "the lesson and date before anything changes. `null` clears `endDate`, `title`, `location`, `roomName`, `onlineUrl`.",
  ...secured,
  request: { params, body: jsonBody(Planning.updatePatternSchema.openapi("UpdateRecurringPatternRequest")) },
  responses: { 200: jsonResponse(RecurringPatternChangeSchema, "The continuing pattern"), ...problems(401, 403, 404, 409, 422) },
});

const endPattern = createRoute({
  method: "post",
  path: "/{studioId}/recurring-patterns/{patternId}/end",
  tags,
  summary: "End a pattern from a date on (admins, its teacher): its untouched lessons from then on are removed",
  description: "`effectiveFrom` (local date, today or later; default today): the last lesson is the one before it. Lessons edited or cancelled by hand stay.",
  ...secured,
  request: { params, body: jsonBody(Planning.endPatternSchema.openapi("EndRecurringPatternRequest")) },
  responses: { 200: jsonResponse(RecurringPatternChangeSchema, "The ended pattern"), ...problems(401, 403, 404, 409, 422) },
});

const deletePattern = createRoute({
  method: "delete",
  path: "/{studioId}/recurring-patterns/{patternId}",
  tags,
  summary: "End a pattern today (admins, its teacher): like /end without a date; the pattern stays on record",
  ...secured,
  request: { params },
  responses: { 204: { description: "Ended" }, ...problems(401, 403, 404, 409) },
});

export const recurringPatternRoutes = createRouter()
  .openapi(listPatterns, async (c) => c.json(await Planning.listPatterns(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createPattern, async (c) => c.json(await Planning.createPattern(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getPattern, async (c) => {
    const { studioId, patternId } = c.req.valid("param");
    return c.json(await Planning.getPattern(c.get("actor"), studioId, patternId), 200);
  })
  .openapi(updatePattern, async (c) => {
    const { studioId, patternId } = c.req.valid("param");
    return c.json(await Planning.updatePattern(c.get("actor"), studioId, patternId, c.req.valid("json")), 200);
  })
  .openapi(endPattern, async (c) => {
    const { studioId, patternId } = c.req.valid("param");
    return c.json(await Planning.endPattern(c.get("actor"), studioId, patternId, c.req.valid("json")), 200);
  })
  .openapi(deletePattern, async (c) => {
    const { studioId, patternId } = c.req.valid("param");
    await Planning.endPattern(c.get("actor"), studioId, patternId, {});
    return c.body(null, 204);
  });
