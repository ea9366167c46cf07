import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AuthEnv } from "./http/auth";
import { errorToProblem, problem } from "./http/problem";
import { serverTiming } from "./http/server-timing";
import { validationHook } from "./http/validation-hook";
import { publicTeacherRoutes, teacherRoutes } from "./routes/teachers";
import { studentRoutes } from "./routes/students";
import { familyRoutes } from "./routes/families";
import { bandRoutes } from "./routes/bands";
import { memberRoutes } from "./routes/members";
import { invitationRoutes } from "./routes/invitations";
import { accessRequestRoutes } from "./routes/access-requests";
import { auditEventRoutes } from "./routes/audit-events";
import { publicInvitationRoutes } from "./routes/public-invitations";
import { publicAccessRequestRoutes } from "./routes/public-access-requests";
import { authRoutes } from "./routes/auth";
import { meRoutes } from "./routes/me";
import { publicRoutes } from "./routes/public";
import { renderReferencePage } from "./routes/reference-page";
import { studioRoutes } from "./routes/studios";

const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "StudioSync API",
    version: "1.0.0",
    description: "Run a music studio: accounts, studios and their public pages. Errors are RFC 9457 problem details.",
  },
};

/** The API: one app factory owning the error handler, validation hook and cross-cutting middleware. */
export function createApp() {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });

  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(serverTiming);
  app.use(bodyLimit({ maxSize: 64 * 1024, onError: (c) => problem(c, 413, "payload_too_large", "The request body is larger than 64 KB") }));
  app.onError(errorToProblem);
  app.notFound((c) => problem(c, 404, "not_found", `No route ${c.req.method} ${c.req.path}`));

  const routes = app
    .route("/v1/auth", authRoutes)
    .route("/v1/me", meRoutes)
    .route("/v1/studios", studioRoutes)
    .route("/v1/studios", teacherRoutes)
    .route("/v1/studios", studentRoutes)
    .route("/v1/studios", familyRoutes)
    .route("/v1/studios", bandRoutes)
    .route("/v1/studios", memberRoutes)
    .route("/v1/studios", invitationRoutes)
    .route("/v1/studios", accessRequestRoutes)
    .route("/v1/studios", auditEventRoutes)
    .route("/v1/public", publicRoutes)
    .route("/v1/public", publicTeacherRoutes)
    .route("/v1/public", publicInvitationRoutes)
    .route("/v1/public", publicAccessRequestRoutes);

  app.doc31("/v1/openapi.json", OPENAPI);
  app.get("/v1/reference", (c) => c.html(renderReferencePage(app.getOpenAPI31Document(OPENAPI) as never)));
  app.get("/", (c) => c.redirect("/v1/reference"));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
