import { describe, expect, it } from "vitest";
import { api } from "./support/api";

describe("API description", () => {
  it("describes every route in /v1/openapi.json", async () => {
    const res = await api("GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    const operations = Object.entries(res.body.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "POST /v1/auth/signup", "POST /v1/auth/login", "POST /v1/auth/refresh", "POST /v1/auth/logout",
        "POST /v1/auth/verify-email", "POST /v1/auth/resend-verification", "POST /v1/auth/forgot-password",
        "POST /v1/auth/reset-password", "GET /v1/me", "GET /v1/studios/{studioId}", "PATCH /v1/studios/{studioId}",
        "POST /v1/studios/{studioId}/logo-upload", "GET /v1/public/studios/{slug}",
      ].sort(),
    );
    expect(res.body.components.schemas).toHaveProperty("Studio");
    expect(res.body.components.schemas).toHaveProperty("Problem");
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("renders a reference page", async () => {
    const res = await api("GET", "/v1/reference");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(res.body).toContain("/v1/auth/signup");
    expect(res.body).toContain("PublicStudio");
  });

  it("answers unknown routes with a 404 problem and a request id", async () => {
    const res = await api("GET", "/v1/nope");
    expect(res.status).toBe(404);
    expect(res.body.requestId).toBe(res.headers.get("X-Request-Id"));
  });
});
