import { createRoute } from "@hono/zod-openapi";
import * as Classes from "@studiosync/core/classes";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { ClassSlotDetailSchema, ClassSlotPageSchema, ClassSlotSchema, GroupAttendanceSchema, WaitlistEntrySchema, WithdrawalSchema } from "../schemas/classes";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Classes"];
const params = studioParams.extend({ slotId: pathId("slotId") });
const studentParams = params.extend({ studentId: pathId("studentId") });
const lessonParams = params.extend({ lessonId: pathId("lessonId") });

const listSlots = createRoute({
  method: "get",
  path: "/{studioId}/class-slots",
  tags,
  summary: "Class slots with seats taken and capacity: the studio's (admins; `courseId`, `teacherId` filter), a teacher's own",
  ...secured,
  request: { params: studioParams, query: Classes.listClassSlotsQuerySchema },
  responses: { 200: jsonResponse(ClassSlotPageSchema, "One page of slots"), ...problems(401, 403, 404, 422) },
});

const createSlot = createRoute({
  method: "post",
  path: "/{studioId}/class-slots",
  tags,
  summary: "Add a weekly class slot for a term (owners, admins): its group lessons are booked with the teacher and room at once",
  description:
    `One transaction: the slot and a group lesson on each of its weekday's dates in the term (from today; closures left out) at the ` +
    `local time in the studio's zone, each holding the teacher and the room (409 naming the lesson in the way). A term holds at most ` +
    `${Classes.MAX_TERM_LESSONS} classes (422 on \`termEnd\`).`,
  ...secured,
  request: { params: studioParams, body: jsonBody(Classes.createClassSlotSchema.openapi("CreateClassSlotRequest")) },
  responses: { 201: jsonResponse(ClassSlotSchema, "The slot"), ...problems(401, 403, 404, 409, 422) },
});

const getSlot = createRoute({
  method: "get",
  path: "/{studioId}/class-slots/{slotId}",
  tags,
  summary: "A slot with its roster and waitlist in order (admins; its teacher)",
  ...secured,
  request: { params },
  responses: { 200: jsonResponse(ClassSlotDetailSchema, "The slot"), ...problems(401, 404) },
});

const updateSlot = createRoute({
  method: "patch",
  path: "/{studioId}/class-slots/{slotId}",
  tags,
  summary: "Change a slot's capacity (owners, admins); never below the seats taken (409)",
  description:
    "Seats a raise frees go to the waitlist at once: the first students waiting are each offered one, held for them until the " +
    "claim-by, and their families are emailed the claim link.",
  ...secured,
  request: { params, body: jsonBody(Classes.updateClassSlotSchema.openapi("UpdateClassSlotRequest")) },
  responses: { 200: jsonResponse(ClassSlotSchema, "The slot"), ...problems(401, 403, 404, 409, 422) },
});

const joinWaitlist = createRoute({
  method: "post",
  path: "/{studioId}/class-slots/{slotId}/waitlist",
  tags,
  summary: "Put a student at the end of a slot's waitlist (owners, admins)",
  ...secured,
  request: { params, body: jsonBody(Classes.joinWaitlistSchema.openapi("JoinWaitlistRequest")) },
  responses: { 201: jsonResponse(WaitlistEntrySchema, "The entry and its place"), ...problems(401, 403, 404, 409, 422) },
});

const withdraw = createRoute({
  method: "post",
  path: "/{studioId}/class-slots/{slotId}/students/{studentId}/withdraw",
  tags,
  summary: "Take a student out of a class (owners, admins); the seat goes to the first student waiting",
  description:
    "One transaction: the seat, the billing enrolment (ends today), the student's places in the lessons ahead, and the first waiting " +
    `student offered the seat for ${Classes.CLAIM_HOURS} hours with an email carrying a signed claim link (or, nobody waiting, the seat freed).`,
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("class-withdrawal")] as const,
  request: { params: studentParams, headers: idempotencyHeader },
  responses: { 200: jsonResponse(WithdrawalSchema, "What happened to the seat"), ...problems(401, 403, 404, 409) },
});

const getAttendance = createRoute({
  method: "get",
  path: "/{studioId}/class-slots/{slotId}/lessons/{lessonId}/attendance",
  tags,
  summary: "One class date's students with their attendance and classes left (admins; the slot's teacher)",
  ...secured,
  request: { params: lessonParams },
  responses: { 200: jsonResponse(GroupAttendanceSchema, "The class"), ...problems(401, 404) },
});

const markAttendance = createRoute({
  method: "post",
  path: "/{studioId}/class-slots/{slotId}/lessons/{lessonId}/attendance",
  tags,
  summary: "Take a class's attendance in one go (admins; the slot's teacher); present or late uses a class of the student's plan",
  description: `Reaching ${Classes.NOTICE_AT.join(" and ")} classes left emails the family (once each; 0: renew).`,
  ...secured,
  request: { params: lessonParams, body: jsonBody(Classes.groupAttendanceSchema.openapi("GroupAttendanceRequest")) },
  responses: { 200: jsonResponse(GroupAttendanceSchema, "The class, marked"), ...problems(401, 403, 404, 409, 422) },
});

export const classSlotRoutes = createRouter()
  .openapi(listSlots, async (c) => c.json(await Classes.listClassSlots(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(createSlot, async (c) => c.json(await Classes.createClassSlot(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json")), 201))
  .openapi(getSlot, async (c) => {
    const { studioId, slotId } = c.req.valid("param");
    return c.json(await Classes.getClassSlot(c.get("actor"), studioId, slotId), 200);
  })
  .openapi(updateSlot, async (c) => {
    const { studioId, slotId } = c.req.valid("param");
    return c.json(await Classes.updateClassSlot(c.get("actor"), studioId, slotId, c.req.valid("json")), 200);
  })
  .openapi(joinWaitlist, async (c) => {
    const { studioId, slotId } = c.req.valid("param");
    return c.json(await Classes.joinWaitlist(c.get("actor"), studioId, slotId, c.req.valid("json"), c.var.clock()), 201);
  })
  .openapi(withdraw, async (c) => {
    const { studioId, slotId, studentId } = c.req.valid("param");
    return c.json(await Classes.withdraw(c.get("actor"), studioId, slotId, studentId, c.var.clock()), 200);
  })
  .openapi(getAttendance, async (c) => {
    const { studioId, slotId, lessonId } = c.req.valid("param");
    return c.json(await Classes.getGroupAttendance(c.get("actor"), studioId, slotId, lessonId), 200);
  })
  .openapi(markAttendance, async (c) => {
    const { studioId, slotId, lessonId } = c.req.valid("param");
    return c.json(await Classes.markGroupAttendance(c.get("actor"), studioId, slotId, lessonId, c.req.valid("json"), c.var.clock()), 200);
  });
