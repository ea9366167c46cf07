import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env, Schema } from "hono";
import { availabilityRoutes } from "../routes/availability";
import { cancellationPolicyRoutes } from "../routes/cancellation-policy";
import { closureRoutes } from "../routes/closures";
import { freeSlotRoutes } from "../routes/free-slots";
import { recurringPatternRoutes } from "../routes/recurring-patterns";

/**
 * Planning the timetable: recurring patterns, teachers' working hours, free slots, closures and the
 * cancellation policy. Deployed as the planning Lambda (routing.ts lists its paths).
 */
export const mountPlanning = <E extends Env, S extends Schema, B extends string>(app: OpenAPIHono<E, S, B>) =>
  app
    .route("/v1/studios", recurringPatternRoutes)
    .route("/v1/studios", availabilityRoutes)
    .route("/v1/studios", freeSlotRoutes)
    .route("/v1/studios", closureRoutes)
    .route("/v1/studios", cancellationPolicyRoutes);
