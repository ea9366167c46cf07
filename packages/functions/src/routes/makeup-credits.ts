import { createRoute } from "@hono/zod-openapi";
import * as Scheduling from "@studiosync/core/scheduling";
import { createRouter } from "../http/router";
import { MakeupCreditPageSchema } from "../schemas/cancellations";
import { LessonSchema } from "../schemas/lessons";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { pathId, secured, studioParams } from "../http/route-params";

const tags = ["Cancellations and make-ups"];
const creditParams = studioParams.extend({ creditId: pathId("creditId") });

const listCredits = createRoute({
  method: "get",
  path: "/{studioId}/makeup-credits",
  tags,
  summary: "A student's make-up credits, newest first (admins, the student's teacher, the student, their parents)",
  description: "`studentId` is required except for a student listing their own. `status=expired` includes available credits past their expiry date.",
  ...secured,
  request: { params: studioParams, query: Scheduling.listMakeupCreditsQuerySchema },
  responses: { 200: jsonResponse(MakeupCreditPageSchema, "One page of credits"), ...problems(401, 404, 422) },
});

const bookMakeup = createRoute({
  method: "post",
  path: "/{studioId}/makeup-credits/{creditId}/book",
  tags,
  summary: "Spend a credit on a make-up lesson in a free slot (admins, the student's teacher, the student, their parents)",
  description:
    "Books a private lesson for the credit's student (teacher and length default to the cancelled lesson's) with the same " +
    "checks as any booking: a 409 names the lesson in the way and leaves the credit available. The credit is marked used in " +
    "the same transaction, on condition it is still available and not expired: of two spends of one credit exactly one wins. " +
    "A student or parent spending it books with the credit's teacher (`teacherId` another one: 422), for at most the " +
    "credit's `durationMinutes` (422), into one of the teacher's free slots (outside their working hours: 422 on " +
    "`scheduledStart`; inside them but not free: 409), and may not set `roomName`, `location` or `onlineUrl` (422 naming " +
    "the field); admins and teachers choose freely.",
  ...secured,
  request: { params: creditParams, body: jsonBody(Scheduling.bookMakeupSchema.openapi("BookMakeupRequest")) },
  responses: { 201: jsonResponse(LessonSchema, "The make-up lesson"), ...problems(401, 403, 404, 409, 422) },
});

export const makeupCreditRoutes = createRouter()
  .openapi(listCredits, async (c) => c.json(await Scheduling.listMakeupCredits(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(bookMakeup, async (c) => {
    const { studioId, creditId } = c.req.valid("param");
    return c.json(await Scheduling.bookMakeup(c.get("actor"), studioId, creditId, c.req.valid("json")), 201);
  });
