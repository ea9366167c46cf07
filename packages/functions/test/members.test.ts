import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { memberWithRole } from "./support/members";
import { teacherProfile } from "./support/profiles";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

const members = (studio: Owner, token = studio.accessToken, query = "") => api("GET", `/v1/studios/${studio.studio.id}/members${query}`, { token });
const patch = (studio: Owner, userId: string, role: string, token = studio.accessToken) =>
  api("PATCH", `/v1/studios/${studio.studio.id}/members/${userId}`, { token, body: { role } });
const post = (studio: Owner, userId: string, action: string, token = studio.accessToken) =>
  api("POST", `/v1/studios/${studio.studio.id}/members/${userId}/${action}`, { token });
const refresh = (refreshToken: string) => api("POST", "/v1/auth/refresh", { body: { refreshToken } });

describe("GET /v1/studios/{studioId}/members", () => {
  it("lists members with name, email, role and profile links in at most 3 DynamoDB calls", async () => {
    const studio = await ownerWithStudio();
    const { teacherId } = await teacherProfile(studio.studio.id);
    const teacher = await memberWithRole(studio, "teacher", { teacherId });
    const admin = await memberWithRole(studio, "admin");
    const res = await members(studio);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    const byId = Object.fromEntries(res.body.items.map((m: { userId: string }) => [m.userId, m]));
    expect(byId[studio.userId]).toMatchObject({ role: "owner", email: studio.email, name: "Ada Owner", status: "active" });
    expect(byId[teacher.userId]).toMatchObject({ role: "teacher", teacherId, email: teacher.email, name: "Test teacher" });
    expect(byId[admin.userId]).toMatchObject({ role: "admin", teacherId: null });
    expect(dbCost(res.headers).calls).toBeLessThanOrEqual(3);

    const first = await members(studio, studio.accessToken, "?limit=2");
    expect(first.body.items).toHaveLength(2);
    const rest = await members(studio, studio.accessToken, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(rest.body.items).toHaveLength(1);
    expect(dbCost(rest.headers).calls).toBeLessThanOrEqual(3);
  });
});

describe("PATCH /v1/studios/{studioId}/members/{userId}", () => {
  it("changes a role, effective on the member's next request", async () => {
    const admin = await memberWithRole(owner, "admin");
    expect((await members(owner, admin.accessToken)).status).toBe(200);
    const res = await patch(owner, admin.userId, "teacher");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: admin.userId, role: "teacher" });
    expect((await members(owner, admin.accessToken)).status).toBe(403);
  });

  it("only an owner makes or unmakes owners, and the last owner cannot be demoted", async () => {
    const studio = await ownerWithStudio();
    const admin = await memberWithRole(studio, "admin");
    const other = await memberWithRole(studio, "teacher");

    expect((await patch(studio, other.userId, "owner", admin.accessToken)).status).toBe(403);
    expect((await patch(studio, studio.userId, "admin", admin.accessToken)).status).toBe(403);
    expect((await post(studio, studio.userId, "deactivate", admin.accessToken)).status).toBe(403);
    expect((await api("DELETE", `/v1/studios/${studio.studio.id}/members/${studio.userId}`, { token: admin.accessToken })).status).toBe(403);

    const last = await patch(studio, studio.userId, "admin");
    expect(last.status).toBe(409);
    expect(last.body.detail).toMatch(/last owner/);
    expect((await post(studio, studio.userId, "deactivate")).status).toBe(409);
    expect((await api("DELETE", `/v1/studios/${studio.studio.id}/members/${studio.userId}`, { token: studio.accessToken })).status).toBe(409);

    // With a second owner, the first may step down.
    expect((await patch(studio, admin.userId, "owner")).status).toBe(200);
    const stepDown = await patch(studio, studio.userId, "admin");
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.role).toBe("admin");
    // Now the former owner (an admin) may not touch the remaining owner, who is the last one.
    expect((await patch(studio, admin.userId, "admin", studio.accessToken)).status).toBe(403);
    expect((await patch(studio, admin.userId, "admin", admin.accessToken)).status).toBe(409);
  });

  it("422 for an unknown role, 404 for a non-member", async () => {
    const bad = await patch(owner, owner.userId, "superuser");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("role");
    expect((await patch(owner, intruder.userId, "admin")).status).toBe(404);
  });
});

describe("deactivation and removal", () => {
  it("a deactivated member loses access to the studio at once but keeps their sign-in; reactivation restores access", async () => {
    const teacher = await memberWithRole(owner, "teacher");
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: teacher.accessToken })).status).toBe(200);

    const res = await post(owner, teacher.userId, "deactivate");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "deactivated", deactivatedAt: expect.any(String) });
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: teacher.accessToken })).status).toBe(404);
    // Only this studio: their sign-in (for their other studios) goes on (issue 10 #7).
    expect((await refresh(teacher.refreshToken)).status).toBe(200);
    expect((await post(owner, teacher.userId, "deactivate")).status).toBe(409);

    const back = await post(owner, teacher.userId, "reactivate");
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: "active", deactivatedAt: null });
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: teacher.accessToken })).status).toBe(200);
    expect((await post(owner, teacher.userId, "reactivate")).status).toBe(409);
  });

  it("a removed member gets 404 on the studio at once, keeps their sign-in, and leaves the list", async () => {
    const student = await memberWithRole(owner, "student");
    const res = await api("DELETE", `/v1/studios/${owner.studio.id}/members/${student.userId}`, { token: owner.accessToken });
    expect(res.status).toBe(204);
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: student.accessToken })).status).toBe(404);
    const refreshed = await refresh(student.refreshToken);
    expect(refreshed.status).toBe(200);
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: refreshed.body.accessToken })).status).toBe(404);
    const list = await members(owner);
    expect(list.body.items.map((m: { userId: string }) => m.userId)).not.toContain(student.userId);
    expect((await api("DELETE", `/v1/studios/${owner.studio.id}/members/${student.userId}`, { token: owner.accessToken })).status).toBe(404);
    expect((await patch(owner, student.userId, "admin")).status).toBe(404);
    // Their own studio (from sign-up) still works, with the same sign-in.
    expect((await api("GET", `/v1/studios/${student.ownStudioId}`, { token: refreshed.body.accessToken })).status).toBe(200);
  });
});

describe("member routes security", () => {
  it("403 for non-admin members, 404 through another studio", async () => {
    const target = await memberWithRole(owner, "student");
    const parent = await memberWithRole(owner, "parent");
    const routes: Array<[string, (id: string) => string, unknown]> = [
      ["GET", (id) => `/v1/studios/${id}/members`, undefined],
      ["PATCH", (id) => `/v1/studios/${id}/members/${target.userId}`, { role: "admin" }],
      ["POST", (id) => `/v1/studios/${id}/members/${target.userId}/deactivate`, undefined],
      ["POST", (id) => `/v1/studios/${id}/members/${target.userId}/reactivate`, undefined],
      ["DELETE", (id) => `/v1/studios/${id}/members/${target.userId}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      expect((await api(method, path(owner.studio.id), { token: parent.accessToken, body })).status, `${method} ${path("x")}`).toBe(403);
    }
    // The intruder cannot touch members of this studio through their own studio either.
    expect((await patch(intruder, target.userId, "admin")).status).toBe(404);
  });
});
