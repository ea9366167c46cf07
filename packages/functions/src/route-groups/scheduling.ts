import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env, Schema } from "hono";
import { attendanceRoutes } from "../routes/attendance";
import { availabilityRoutes } from "../routes/availability";
import { cancellationPolicyRoutes } from "../routes/cancellation-policy";
import { closureRoutes } from "../routes/closures";
import { freeSlotRoutes } from "../routes/free-slots";
import { lessonCancellationRoutes } from "../routes/lesson-cancellation";
import { lessonRoutes } from "../routes/lessons";
import { makeupCreditRoutes } from "../routes/makeup-credits";
import { recurringPatternRoutes } from "../routes/recurring-patterns";
import { rescheduleRequestRoutes } from "../routes/reschedule-requests";

/**
 * Scheduling: lessons and their calendars, recurring patterns, availability, closures, free slots,
 * the cancellation policy, make-up credits and reschedule requests. Deployed as the scheduling Lambda.
 */
export const mountScheduling = <E extends Env, S extends Schema, B extends string>(app: OpenAPIHono<E, S, B>) =>
  app
    .route("/v1/studios", lessonRoutes)
    .route("/v1/studios", lessonCancellationRoutes)
    .route("/v1/studios", attendanceRoutes)
    .route("/v1/studios", recurringPatternRoutes)
    .route("/v1/studios", availabilityRoutes)
    .route("/v1/studios", closureRoutes)
    .route("/v1/studios", freeSlotRoutes)
    .route("/v1/studios", cancellationPolicyRoutes)
    .route("/v1/studios", makeupCreditRoutes)
    .route("/v1/studios", rescheduleRequestRoutes);
