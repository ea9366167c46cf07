import { createRoute } from "@hono/zod-openapi";
import * as Classes from "@studiosync/core/classes";
import { requireActor } from "../http/auth";
import { idempotent } from "../http/idempotency";
import { idempotencyHeader, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { AdmissionSchema } from "../schemas/classes";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const admit = createRoute({
  method: "post",
  path: "/{studioId}/admissions",
  tags: ["Classes"],
  summary: "Admit a student into a class slot on a plan of its course (owners, admins)",
  description:
    "One transaction: a seat on condition the slot is below its capacity (never counted after the fact), the enrolment (one per " +
    "student and slot), the billing enrolment on the plan's fee plan, and the student in every lesson ahead (attendance rows, their " +
    "calendar; a clash with their other lessons is a 409 naming it). A full slot is a 409 `class_slot.full`; with `waitlist: true` " +
    "the student joins its waitlist instead (201 with `outcome: waitlisted` and their place).",
  security: [{ bearer: [] }],
  middleware: [requireActor, idempotent("admission")] as const,
  request: { params: studioParams, headers: idempotencyHeader, body: jsonBody(Classes.admitSchema.openapi("AdmitRequest")) },
  responses: { 201: jsonResponse(AdmissionSchema, "Admitted, or waitlisted"), ...problems(401, 403, 404, 409, 422) },
});

export const admissionRoutes = createRouter().openapi(admit, async (c) =>
  c.json(await Classes.admit(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201),
);
