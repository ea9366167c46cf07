import { createRoute, z } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { createRouter } from "../http/router";
import { CancellationPreviewSchema, LessonSchema } from "../schemas/lessons";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { idempotencyHeader, pathId, secured } from "../http/route-params";

const tags = ["Lessons"];
const params = z.object({ studioId: pathId("studioId"), lessonId: pathId("lessonId") });

const cancelLesson = createRoute({
  method: "post",
  path: "/{studioId}/lessons/{lessonId}/cancel",
  tags,
  summary: "Cancel a lesson and apply the cancellation policy (admins, the lesson's teacher, its students and their parents)",
  description:
    "Only a scheduled lesson that has not started can be cancelled (409 otherwise). Admins and the lesson's teacher cancel " +
    '`by: "studio"` by default (a make-up credit for each student when the policy issues credits) or `by: "student"` when ' +
    "the family called in; students and parents always cancel as the student, and only private lessons. A student's " +
    "cancellation earns a credit with at least the policy's notice and while they have earned fewer than its maximum this " +
    'term. The outcome is recorded in words on `cancellation.explanation` ("credit issued: 52 h notice"), the lesson\'s ' +
    "slots are freed, and the students and their families are emailed.",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("lesson-cancel")] as const,
  request: { params, headers: idempotencyHeader, body: jsonBody(Scheduling.cancelLessonSchema.openapi("CancelLessonRequest")) },
  responses: { 200: jsonResponse(LessonSchema, "The cancelled lesson with its cancellation"), ...problems(400, 401, 403, 404, 409, 422) },
});

const previewCancellation = createRoute({
  method: "get",
  path: "/{studioId}/lessons/{lessonId}/cancellation-preview",
  tags,
  summary: "What cancelling a lesson now would do under the policy, without cancelling it (whoever may cancel it)",
  description:
    "The same checks and decisions as POST …/cancel (`by` as there; 403 for who may not cancel, 409 for a lesson that is not " +
    'still to come), so a page can show "credit issued: 52 h notice" before anyone confirms. Nothing changes.',
  ...secured,
  request: {
    params,
    query: z.object({ by: z.enum(["student", "studio"], { errorMap: () => ({ message: "must be student or studio" }) }).optional() }),
  },
  responses: { 200: jsonResponse(CancellationPreviewSchema, "The outcome cancelling it now would have"), ...problems(401, 403, 404, 409, 422) },
});

export const lessonCancellationRoutes = createRouter()
  .openapi(cancelLesson, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Scheduling.cancelLesson(c.get("actor"), studioId, lessonId, c.req.valid("json")), 200);
  })
  .openapi(previewCancellation, async (c) => {
    const { studioId, lessonId } = c.req.valid("param");
    return c.json(await Scheduling.previewCancellation(c.get("actor"), studioId, lessonId, c.req.valid("query").by), 200);
  });
