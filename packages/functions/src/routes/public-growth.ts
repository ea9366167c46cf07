import { createRoute, z } from "@hono/zod-openapi";
import * as Growth from "@studiosync/core/growth";
import { clientIp } from "../http/client-ip";
import { idempotencyRequest } from "../http/idempotency";
import { idempotencyHeader } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";
import { PRIVATE } from "../http/public-params";

const tags = ["Public page and trials"];
const slug = z
  .string()
  .max(100)
  .openapi({ param: { name: "slug", in: "path" }, example: "riverside-music" });
const teacherId = z
  .string()
  .max(64)
  .openapi({ param: { name: "teacherId", in: "path" } });
const token = z
  .string()
  .min(1)
  .max(2000)
  .openapi({ param: { name: "token", in: "path" }, description: "The token of the booking page link in the confirmation email" });
/** Public pages: shared caches may keep them a minute (slots change as people book); browsers ask again. */
const CACHEABLE = { "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300" };

const offerings = createRoute({
  method: "get",
  path: "/studios/{slug}/offerings",
  tags,
  summary: "What a studio offers, for its public page: the studio, its public teachers, instruments, lesson prices, trials, business hours",
  request: { params: z.object({ slug }) },
  responses: { 200: jsonResponse(Growth.OfferingsSchema, "The studio's offerings"), ...problems(404) },
});

const teacherPage = createRoute({
  method: "get",
  path: "/studios/{slug}/teachers/{teacherId}",
  tags,
  summary: "A public teacher's page: their profile, what they offer and their free trial slots over the next 14 days",
  description: "Slots are for `durationMinutes` (one of the studio's trial lengths; the shortest by default), after the minimum notice and within the horizon.",
  request: { params: z.object({ slug, teacherId }), query: Growth.teacherPageQuerySchema },
  responses: { 200: jsonResponse(Growth.PublicTeacherPageSchema, "The teacher's page"), ...problems(404, 422) },
});

const BookedTrialSchema = z
  .object({ lessonId: z.string(), start: z.string(), end: z.string(), timeZone: z.string(), teacherName: z.string(), email: z.string() })
  .openapi("BookedTrial");

const bookTrial = createRoute({
  method: "post",
  path: "/studios/{slug}/trial-bookings",
  tags,
  summary: "Book a trial lesson with a public teacher (no login); the booker gets a confirmation, the studio the lead",
  description:
    "The slot is held atomically by the booking engine: of two bookings for the same time exactly one succeeds, the other is 409 `trial.slot_taken`. " +
    "Limits per address (5 a day) and per IP (10 an hour) answer 429. Sending the same booking again answers with the booking made.",
  request: { params: z.object({ slug }), body: jsonBody(Growth.bookTrialSchema.openapi("BookTrialRequest")) },
  responses: { 201: jsonResponse(BookedTrialSchema, "Booked; the confirmation is on its way"), ...problems(400, 404, 409, 422, 429) },
});

const enquire = createRoute({
  method: "post",
  path: "/studios/{slug}/enquiries",
  tags,
  summary: "Send the studio an enquiry (no login); it becomes a lead, the sender gets an acknowledgement",
  description: "A retry with the same Idempotency-Key (a double submit) records and sends nothing again. Limits per address and IP answer 429.",
  request: { params: z.object({ slug }), headers: idempotencyHeader, body: jsonBody(Growth.enquirySchema.openapi("EnquiryRequest")) },
  responses: { 202: { description: "Received" }, ...problems(400, 404, 422, 429) },
});

const TrialBookingSchema = z
  .object({
    studio: Growth.OfferingsSchema.shape.studio,
    currency: z.string(),
    teacher: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
    studentName: z.string(),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    status: z.enum(["booked", "cancelled", "past"]),
    canCancel: z.boolean(),
  })
  .openapi("TrialBooking");

const getTrial = createRoute({
  method: "get",
  path: "/trial-bookings/{token}",
  tags,
  summary: "A trial's booking page, by the link in its confirmation (no login); reading never acts",
  request: { params: z.object({ token }) },
  responses: { 200: jsonResponse(TrialBookingSchema, "The booking"), ...problems(404, 410) },
});

const cancelTrial = createRoute({
  method: "post",
  path: "/trial-bookings/{token}/cancel",
  tags,
  summary: "Cancel a trial from its booking page: the time is freed, the booker and the studio are told",
  description: "Cancelling again answers with the cancelled booking; a trial that has started is 409.",
  request: { params: z.object({ token }) },
  responses: { 200: jsonResponse(TrialBookingSchema, "The cancelled booking"), ...problems(404, 409, 410) },
});

export const publicGrowthRoutes = createRouter()
  .openapi(offerings, async (c) => {
    const body = await Growth.publicOfferings(c.req.valid("param").slug);
    return c.json(body, 200, CACHEABLE);
  })
  .openapi(teacherPage, async (c) => {
    const { slug, teacherId } = c.req.valid("param");
    const body = await Growth.publicTeacherPage(slug, teacherId, c.req.valid("query"));
    return c.json(body, 200, CACHEABLE);
  })
  .openapi(bookTrial, async (c) => c.json(await Growth.bookTrial(c.req.valid("param").slug, c.req.valid("json"), { ip: clientIp(c) }), 201))
  .openapi(enquire, async (c) => {
    const idempotency = await idempotencyRequest(c, "enquiry");
    await Growth.submitEnquiry(c.req.valid("param").slug, c.req.valid("json"), { ip: clientIp(c), idempotency });
    return c.body(null, 202);
  })
  .openapi(getTrial, async (c) => c.json(await Growth.getTrialBooking(c.req.valid("param").token), 200, PRIVATE))
  .openapi(cancelTrial, async (c) => c.json(await Growth.cancelTrialBooking(c.req.valid("param").token), 200, PRIVATE));
