import { z } from "@hono/zod-openapi";
import { requireActor } from "./auth";

/** Pieces every route module builds its OpenAPI routes from. */

/** A record id in the path, named for the OpenAPI document. */
export const pathId = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: "path" } });

/** `/{studioId}/…` */
export const studioParams = z.object({ studioId: pathId("studioId") });

/** Routes that need a signed-in user: bearer auth in the document and the middleware that checks it. */
export const secured = { security: [{ bearer: [] }], middleware: requireActor };

/** The optional `Idempotency-Key` header of routes that must not act twice. */
export const idempotencyHeader = z.object({ "Idempotency-Key": z.string().optional() });
