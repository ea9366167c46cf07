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
        "POST /v1/auth/signup",
        "POST /v1/auth/login",
        "POST /v1/auth/refresh",
        "POST /v1/auth/logout",
        "POST /v1/auth/verify-email",
        "POST /v1/auth/resend-verification",
        "POST /v1/auth/forgot-password",
        "POST /v1/auth/reset-password",
        "GET /v1/me",
        "GET /v1/studios/{studioId}",
        "PATCH /v1/studios/{studioId}",
        "POST /v1/studios/{studioId}/logo-upload",
        "GET /v1/studios/{studioId}/teachers",
        "POST /v1/studios/{studioId}/teachers",
        "GET /v1/studios/{studioId}/teachers/{teacherId}",
        "PATCH /v1/studios/{studioId}/teachers/{teacherId}",
        "DELETE /v1/studios/{studioId}/teachers/{teacherId}",
        "POST /v1/studios/{studioId}/teachers/{teacherId}/restore",
        "GET /v1/studios/{studioId}/students",
        "POST /v1/studios/{studioId}/students",
        "GET /v1/studios/{studioId}/students/{studentId}",
        "PATCH /v1/studios/{studioId}/students/{studentId}",
        "DELETE /v1/studios/{studioId}/students/{studentId}",
        "POST /v1/studios/{studioId}/students/{studentId}/restore",
        "GET /v1/studios/{studioId}/families",
        "POST /v1/studios/{studioId}/families",
        "GET /v1/studios/{studioId}/families/{familyId}",
        "PATCH /v1/studios/{studioId}/families/{familyId}",
        "DELETE /v1/studios/{studioId}/families/{familyId}",
        "POST /v1/studios/{studioId}/families/{familyId}/restore",
        "GET /v1/studios/{studioId}/families/{familyId}/guardians",
        "POST /v1/studios/{studioId}/families/{familyId}/guardians",
        "PATCH /v1/studios/{studioId}/families/{familyId}/guardians/{guardianId}",
        "DELETE /v1/studios/{studioId}/families/{familyId}/guardians/{guardianId}",
        "GET /v1/studios/{studioId}/bands",
        "POST /v1/studios/{studioId}/bands",
        "GET /v1/studios/{studioId}/bands/{bandId}",
        "PATCH /v1/studios/{studioId}/bands/{bandId}",
        "DELETE /v1/studios/{studioId}/bands/{bandId}",
        "POST /v1/studios/{studioId}/bands/{bandId}/restore",
        "PUT /v1/studios/{studioId}/bands/{bandId}/members/{studentId}",
        "DELETE /v1/studios/{studioId}/bands/{bandId}/members/{studentId}",
        "GET /v1/studios/{studioId}/members",
        "PATCH /v1/studios/{studioId}/members/{userId}",
        "DELETE /v1/studios/{studioId}/members/{userId}",
        "POST /v1/studios/{studioId}/members/{userId}/deactivate",
        "POST /v1/studios/{studioId}/members/{userId}/reactivate",
        "POST /v1/studios/{studioId}/invitations",
        "GET /v1/studios/{studioId}/invitations",
        "GET /v1/studios/{studioId}/invitations/{invitationId}",
        "POST /v1/studios/{studioId}/invitations/{invitationId}/resend",
        "POST /v1/studios/{studioId}/invitations/{invitationId}/revoke",
        "GET /v1/studios/{studioId}/access-requests",
        "POST /v1/studios/{studioId}/access-requests/{requestId}/approve",
        "POST /v1/studios/{studioId}/access-requests/{requestId}/reject",
        "GET /v1/studios/{studioId}/audit-events",
        "POST /v1/studios/{studioId}/imports",
        "POST /v1/studios/{studioId}/privacy/exports",
        "POST /v1/studios/{studioId}/privacy/erasures",
        "GET /v1/public/studios/{slug}",
        "GET /v1/public/studios/{slug}/teachers",
        "GET /v1/public/invitations/{token}",
        "POST /v1/public/invitations/accept",
        "POST /v1/public/studios/{slug}/access-requests",
        "POST /v1/studios/{studioId}/lessons",
        "GET /v1/studios/{studioId}/lessons",
        "GET /v1/studios/{studioId}/lessons/{lessonId}",
        "PATCH /v1/studios/{studioId}/lessons/{lessonId}",
        "POST /v1/studios/{studioId}/lessons/{lessonId}/cancel",
        "PUT /v1/studios/{studioId}/lessons/{lessonId}/attendance",
        "GET /v1/studios/{studioId}/lessons/{lessonId}/attendance",
        "GET /v1/studios/{studioId}/attendance",
        "GET /v1/studios/{studioId}/makeup-credits",
        "POST /v1/studios/{studioId}/makeup-credits/{creditId}/book",
        "POST /v1/studios/{studioId}/reschedule-requests",
        "GET /v1/studios/{studioId}/reschedule-requests",
        "GET /v1/studios/{studioId}/reschedule-requests/{requestId}",
        "POST /v1/studios/{studioId}/reschedule-requests/{requestId}/approve",
        "POST /v1/studios/{studioId}/reschedule-requests/{requestId}/reject",
        "POST /v1/studios/{studioId}/reschedule-requests/{requestId}/withdraw",
        "GET /v1/studios/{studioId}/recurring-patterns",
        "POST /v1/studios/{studioId}/recurring-patterns",
        "GET /v1/studios/{studioId}/recurring-patterns/{patternId}",
        "PATCH /v1/studios/{studioId}/recurring-patterns/{patternId}",
        "DELETE /v1/studios/{studioId}/recurring-patterns/{patternId}",
        "POST /v1/studios/{studioId}/recurring-patterns/{patternId}/end",
        "GET /v1/studios/{studioId}/availability",
        "GET /v1/studios/{studioId}/availability/{teacherId}",
        "PUT /v1/studios/{studioId}/availability/{teacherId}",
        "GET /v1/studios/{studioId}/free-slots",
        "GET /v1/studios/{studioId}/closures",
        "POST /v1/studios/{studioId}/closures",
        "DELETE /v1/studios/{studioId}/closures/{closureId}",
        "GET /v1/studios/{studioId}/cancellation-policy",
        "PUT /v1/studios/{studioId}/cancellation-policy",
        "GET /v1/studios/{studioId}/lessons/{lessonId}/notes",
        "POST /v1/studios/{studioId}/lessons/{lessonId}/notes",
        "PATCH /v1/studios/{studioId}/lessons/{lessonId}/notes/{noteId}",
        "DELETE /v1/studios/{studioId}/lessons/{lessonId}/notes/{noteId}",
        "GET /v1/studios/{studioId}/goals",
        "POST /v1/studios/{studioId}/goals",
        "GET /v1/studios/{studioId}/goals/{goalId}",
        "PATCH /v1/studios/{studioId}/goals/{goalId}",
        "DELETE /v1/studios/{studioId}/goals/{goalId}",
        "GET /v1/studios/{studioId}/lesson-plans",
        "POST /v1/studios/{studioId}/lesson-plans",
        "GET /v1/studios/{studioId}/lesson-plans/{planId}",
        "PATCH /v1/studios/{studioId}/lesson-plans/{planId}",
        "DELETE /v1/studios/{studioId}/lesson-plans/{planId}",
        "GET /v1/studios/{studioId}/practice-logs",
        "POST /v1/studios/{studioId}/practice-logs",
        "DELETE /v1/studios/{studioId}/practice-logs/{logId}",
        "POST /v1/studios/{studioId}/calendar-feeds",
        "GET /v1/studios/{studioId}/calendar-feeds",
        "DELETE /v1/studios/{studioId}/calendar-feeds/{feedId}",
        "GET /v1/calendar/{token}.ics",
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
