import { db } from "@studiosync/core/db";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio, uniqueEmail } from "./support/api";
import { invitationToken } from "./support/invitations";
import { memberWithRole } from "./support/members";
import { guardianProfile, readGuardian, readTeacher, studentProfile, teacherProfile } from "./support/profiles";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio({ studioName: "Harmony Hall" }), ownerWithStudio({ studioName: "Other Place" })]);
});

const invite = (studio: Owner, body: Record<string, unknown>) =>
  api("POST", `/v1/studios/${studio.studio.id}/invitations`, { token: studio.accessToken, body });

async function inviteTeacher(studio: Owner, email = uniqueEmail("teacher").toLowerCase()) {
  const { teacherId } = await teacherProfile(studio.studio.id);
  const res = await invite(studio, { email, role: "teacher", teacherId });
  expect(res.status).toBe(201);
  return { email, teacherId, invitation: res.body };
}

const accept = (body: Record<string, unknown>) => api("POST", "/v1/public/invitations/accept", { body });
const newAccount = { name: "Nia Newcomer", password: "a long enough password" };

describe("invitation flow for a new person", () => {
  it("emails a link that previews, creates the login, links the profile and signs the person in", async () => {
    const { email, teacherId, invitation } = await inviteTeacher(owner);
    expect(invitation).toMatchObject({ email, role: "teacher", teacherId, status: "pending", sentCount: 1, acceptedAt: null });

    const token = await invitationToken(email);
    const preview = await api("GET", `/v1/public/invitations/${encodeURIComponent(token)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ studio: { name: "Harmony Hall" }, role: "teacher", email, expired: false, accountExists: false });

    const res = await accept({ token, ...newAccount });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email, role: "teacher", newAccount: true, studio: { id: owner.studio.id, name: "Harmony Hall" } });
    expect(res.body.session.accessToken).toEqual(expect.any(String));

    const me = await api("GET", "/v1/me", { token: res.body.session.accessToken });
    expect(me.body.user).toMatchObject({ email, name: "Nia Newcomer", emailVerified: true });
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: "teacher", studio: expect.objectContaining({ id: owner.studio.id }) })]);
    expect((await readTeacher(owner.studio.id, teacherId))?.userId).toBe(res.body.userId);

    // The chosen password works, and the link is used up.
    const login = await api("POST", "/v1/auth/login", { body: { email, password: newAccount.password } });
    expect(login.status).toBe(200);
    const again = await accept({ token, ...newAccount });
    expect(again.status).toBe(400);
    expect(again.body.detail).toMatch(/already been used/);

    const read = await api("GET", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}`, { token: owner.accessToken });
    expect(read.body).toMatchObject({ status: "accepted", acceptedBy: res.body.userId });
    expect(dbCost(read.headers).calls).toBeLessThanOrEqual(3);
  });

  it("asks a new person for a name and password", async () => {
    const { email } = await inviteTeacher(owner);
    const res = await accept({ token: await invitationToken(email) });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["name", "password"]);
    const short = await accept({ token: await invitationToken(email), name: "X", password: "short" });
    expect(short.status).toBe(422);
    expect(short.body.errors[0].path).toBe("password");
  });
});

describe("one login, several studios", () => {
  it("a teacher at one studio accepts a parent invitation at another under the same login", async () => {
    const { email } = await inviteTeacher(owner);
    const joined = await accept({ token: await invitationToken(email), ...newAccount });
    expect(joined.status).toBe(200);

    const { guardianId, familyId } = await guardianProfile(intruder.studio.id);
    const parentInvite = await invite(intruder, { email, role: "parent", guardianId, familyId });
    expect(parentInvite.status).toBe(201);
    const token = await invitationToken(email, 2);
    const preview = await api("GET", `/v1/public/invitations/${encodeURIComponent(token)}`);
    expect(preview.body).toMatchObject({ role: "parent", accountExists: true, studio: { name: "Other Place" } });

    const res = await accept({ token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: joined.body.userId, newAccount: false, session: null, role: "parent" });
    expect((await readGuardian(intruder.studio.id, familyId, guardianId))?.userId).toBe(joined.body.userId);

    const login = await api("POST", "/v1/auth/login", { body: { email, password: newAccount.password } });
    const me = await api("GET", "/v1/me", { token: login.body.accessToken });
    const roles = me.body.memberships.map((m: { role: string; studio: { id: string } }) => [m.studio.id, m.role]);
    expect(roles).toEqual(
      expect.arrayContaining([
        [owner.studio.id, "teacher"],
        [intruder.studio.id, "parent"],
      ]),
    );
    expect(roles).toHaveLength(2);

    // As a parent of that family they now see the studio; as a member again they cannot be invited twice.
    expect((await api("GET", `/v1/studios/${intruder.studio.id}`, { token: login.body.accessToken })).status).toBe(200);
    const twice = await invite(intruder, { email, role: "admin" });
    expect(twice.status).toBe(409);
  });

  it("409 when the person became a member meanwhile", async () => {
    const email = uniqueEmail("double").toLowerCase();
    expect((await invite(owner, { email, role: "admin" })).status).toBe(201);
    const first = await invitationToken(email);
    const { studentId } = await studentProfile(owner.studio.id);
    expect((await invite(owner, { email, role: "student", studentId })).status).toBe(201);
    const second = await invitationToken(email, 2);
    expect((await accept({ token: second, ...newAccount })).status).toBe(200);
    const res = await accept({ token: first });
    expect(res.status).toBe(409);
  });

  it("a removed member can be invited back; a deactivated one cannot be invited (409)", async () => {
    const removed = await memberWithRole(owner, "teacher");
    expect((await api("DELETE", `/v1/studios/${owner.studio.id}/members/${removed.userId}`, { token: owner.accessToken })).status).toBe(204);
    expect((await invite(owner, { email: removed.email, role: "admin" })).status).toBe(201);
    const res = await accept({ token: await invitationToken(removed.email) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: removed.userId, newAccount: false, role: "admin" });
    const login = await api("POST", "/v1/auth/login", { body: { email: removed.email, password: removed.password } });
    expect((await api("GET", `/v1/studios/${owner.studio.id}/members`, { token: login.body.accessToken })).status).toBe(200);

    const paused = await memberWithRole(owner, "student");
    await api("POST", `/v1/studios/${owner.studio.id}/members/${paused.userId}/deactivate`, { token: owner.accessToken });
    expect((await invite(owner, { email: paused.email, role: "admin" })).status).toBe(409);
  });

  it("409 when the profile already belongs to another account", async () => {
    const { teacherId } = await teacherProfile(owner.studio.id);
    const a = uniqueEmail("a").toLowerCase();
    const b = uniqueEmail("b").toLowerCase();
    await invite(owner, { email: a, role: "teacher", teacherId });
    await invite(owner, { email: b, role: "teacher", teacherId });
    expect((await accept({ token: await invitationToken(a), ...newAccount })).status).toBe(200);
    const res = await accept({ token: await invitationToken(b), ...newAccount });
    expect(res.status).toBe(409);
    // Nothing of the failed attempt was kept: the email has no login.
    expect((await api("POST", "/v1/auth/login", { body: { email: b, password: newAccount.password } })).status).toBe(401);
  });
});

describe("links that no longer work", () => {
  it("refuses a tampered token", async () => {
    const { email } = await inviteTeacher(owner);
    const token = await invitationToken(email);
    const [kid, payload, sig] = token.split(".");
    expect(Buffer.from(payload!, "base64url").toString()).toContain(':1"');
    const forged = `${kid}.${Buffer.from(Buffer.from(payload!, "base64url").toString().replace(':1"', ':2"')).toString("base64url")}.${sig}`;
    for (const bad of [`${token}x`, forged, "garbage"]) {
      const res = await accept({ token: bad, ...newAccount });
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe("invalid_token");
      expect((await api("GET", `/v1/public/invitations/${encodeURIComponent(bad)}`)).status).toBe(400);
    }
  });

  it("refuses a revoked invitation, and a revoked one cannot be resent", async () => {
    const { email, invitation } = await inviteTeacher(owner);
    const token = await invitationToken(email);
    const revoke = await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}/revoke`, { token: owner.accessToken });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });
    const res = await accept({ token, ...newAccount });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/withdrawn/);
    for (const action of ["resend", "revoke"]) {
      const again = await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}/${action}`, { token: owner.accessToken });
      expect(again.status).toBe(409);
    }
  });

  it("resending emails a new link, extends validity and stops the old link", async () => {
    const { email, invitation } = await inviteTeacher(owner);
    const oldToken = await invitationToken(email);
    const resent = await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}/resend`, { token: owner.accessToken });
    expect(resent.status).toBe(200);
    expect(resent.body.sentCount).toBe(2);
    expect(Date.parse(resent.body.validUntil)).toBeGreaterThanOrEqual(Date.parse(invitation.validUntil));
    const newToken = await invitationToken(email, 2);
    expect(newToken).not.toBe(oldToken);

    const old = await accept({ token: oldToken, ...newAccount });
    expect(old.status).toBe(400);
    expect(old.body.detail).toMatch(/newer invitation/);
    expect((await accept({ token: newToken, ...newAccount })).status).toBe(200);
  });

  it("an expired invitation previews as expired and cannot be accepted, until it is resent", async () => {
    const { email, invitation } = await inviteTeacher(owner);
    const token = await invitationToken(email);
    await db()
      .entities.invitation.patch({ studioId: owner.studio.id, invitationId: invitation.id })
      .set({ validUntil: new Date(Date.now() - 1000).toISOString() })
      .go();
    const preview = await api("GET", `/v1/public/invitations/${encodeURIComponent(token)}`);
    expect(preview.status).toBe(200);
    expect(preview.body.expired).toBe(true);
    const res = await accept({ token, ...newAccount });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/expired/);
    const listed = await api("GET", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}`, { token: owner.accessToken });
    expect(listed.body.status).toBe("expired");

    await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}/resend`, { token: owner.accessToken });
    expect((await accept({ token: await invitationToken(email, 2), ...newAccount })).status).toBe(200);
  });
});

describe("POST /v1/studios/{studioId}/invitations validation", () => {
  it("requires the profile that fits the role", async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ role: "teacher" }, ["teacherId"]],
      [{ role: "student", teacherId: "t1" }, ["studentId", "teacherId"]],
      [{ role: "parent", guardianId: "g1" }, ["familyId"]],
      [{ role: "admin", studentId: "s1" }, ["studentId"]],
      [{ role: "owner" }, ["role"]],
      [{ role: "teacher", teacherId: "t1", email: "not-an-email" }, ["email"]],
    ];
    for (const [body, paths] of cases) {
      const res = await invite(owner, { email: uniqueEmail(), ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
    }
  });

  it("422 when the profile is not in this studio", async () => {
    const { teacherId } = await teacherProfile(intruder.studio.id);
    const res = await invite(owner, { email: uniqueEmail(), role: "teacher", teacherId });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: "teacherId", message: expect.stringMatching(/not a teacher of this studio/) }]);
    const { guardianId } = await guardianProfile(owner.studio.id);
    const wrongFamily = await invite(owner, { email: uniqueEmail(), role: "parent", guardianId, familyId: "other" });
    expect(wrongFamily.status).toBe(422);
  });

  it("409 when inviting someone who is already a member", async () => {
    const res = await invite(owner, { email: owner.email, role: "admin" });
    expect(res.status).toBe(409);
  });
});

describe("listing invitations", () => {
  it("lists newest first, filters by status, paginates, within 3 DynamoDB calls", async () => {
    const studio = await ownerWithStudio();
    const emails = [uniqueEmail("l1"), uniqueEmail("l2"), uniqueEmail("l3")].map((e) => e.toLowerCase());
    const ids: string[] = [];
    for (const email of emails) ids.push((await invite(studio, { email, role: "admin" })).body.id);
    await api("POST", `/v1/studios/${studio.studio.id}/invitations/${ids[0]}/revoke`, { token: studio.accessToken });

    const all = await api("GET", `/v1/studios/${studio.studio.id}/invitations?limit=2`, { token: studio.accessToken });
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect(dbCost(all.headers).calls).toBeLessThanOrEqual(3);
    const next = await api("GET", `/v1/studios/${studio.studio.id}/invitations?limit=2&cursor=${encodeURIComponent(all.body.nextCursor)}`, {
      token: studio.accessToken,
    });
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);

    const pending = await api("GET", `/v1/studios/${studio.studio.id}/invitations?status=pending`, { token: studio.accessToken });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    const revoked = await api("GET", `/v1/studios/${studio.studio.id}/invitations?status=revoked`, { token: studio.accessToken });
    expect(revoked.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(dbCost(revoked.headers).calls).toBeLessThanOrEqual(3);

    const bad = await api("GET", `/v1/studios/${studio.studio.id}/invitations?status=old&limit=0`, { token: studio.accessToken });
    expect(bad.status).toBe(422);
  });

  it("404 for an invitation of another studio", async () => {
    const { invitation } = await inviteTeacher(intruder);
    const res = await api("GET", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}`, { token: owner.accessToken });
    expect(res.status).toBe(404);
    for (const action of ["resend", "revoke"]) {
      const other = await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invitation.id}/${action}`, { token: owner.accessToken });
      expect(other.status).toBe(404);
    }
  });
});

describe("invitation routes security", () => {
  it("403 for non-admin members; an admin may invite", async () => {
    const { invitation } = await inviteTeacher(owner);
    const { teacherId } = await teacherProfile(owner.studio.id);
    const teacher = await memberWithRole(owner, "teacher", { teacherId });
    const routes: Array<[string, (id: string) => string, unknown]> = [
      ["POST", (id) => `/v1/studios/${id}/invitations`, { email: uniqueEmail(), role: "admin" }],
      ["GET", (id) => `/v1/studios/${id}/invitations`, undefined],
      ["GET", (id) => `/v1/studios/${id}/invitations/${invitation.id}`, undefined],
      ["POST", (id) => `/v1/studios/${id}/invitations/${invitation.id}/resend`, undefined],
      ["POST", (id) => `/v1/studios/${id}/invitations/${invitation.id}/revoke`, undefined],
    ];
    for (const [method, path, body] of routes) {
      const res = await api(method, path(owner.studio.id), { token: teacher.accessToken, body });
      expect(res.status, `${method} ${path("x")}`).toBe(403);
    }
    // An admin may invite.
    const admin = await memberWithRole(owner, "admin");
    const byAdmin = await api("POST", `/v1/studios/${owner.studio.id}/invitations`, {
      token: admin.accessToken,
      body: { email: uniqueEmail(), role: "admin" },
    });
    expect(byAdmin.status).toBe(201);
  });
});
