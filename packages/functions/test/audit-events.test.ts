import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio, uniqueEmail } from "./support/api";
import { memberWithRole } from "./support/members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
});

const events = (query = "", token = owner.accessToken) => api("GET", `/v1/studios/${owner.studio.id}/audit-events${query}`, { token });

describe("GET /v1/studios/{studioId}/audit-events", () => {
  it("lists the studio's events newest first, and one record's history, each in ≤ 3 DynamoDB calls", async () => {
    const teacher = await memberWithRole(owner, "teacher");
    const invited = await api("POST", `/v1/studios/${owner.studio.id}/invitations`, {
      token: owner.accessToken,
      body: { email: uniqueEmail("audited"), role: "admin" },
    });
    await api("PATCH", `/v1/studios/${owner.studio.id}/members/${teacher.userId}`, { token: owner.accessToken, body: { role: "admin" } });
    await api("PATCH", `/v1/studios/${owner.studio.id}/members/${teacher.userId}`, { token: owner.accessToken, body: { role: "student" } });
    await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invited.body.id}/revoke`, { token: owner.accessToken });

    const all = await events();
    expect(all.status).toBe(200);
    expect(all.body.items.slice(0, 4).map((e: { action: string }) => e.action)).toEqual([
      "invitation.revoked",
      "member.role_changed",
      "member.role_changed",
      "invitation.created",
    ]);
    expect(all.body.items[1]).toMatchObject({
      actorId: owner.userId,
      entityType: "member",
      entityId: teacher.userId,
      changes: { role: { before: "admin", after: "student" } },
      at: expect.any(String),
    });
    expect(dbCost(all.headers).calls).toBeLessThanOrEqual(3);

    const history = await events(`?entityType=member&entityId=${teacher.userId}`);
    expect(history.body.items.map((e: { changes: { role: { after: string } } }) => e.changes.role.after)).toEqual(["student", "admin"]);
    expect(dbCost(history.headers).calls).toBeLessThanOrEqual(3);

    const invitation = await events(`?entityType=invitation&entityId=${invited.body.id}&limit=1`);
    expect(invitation.body.items.map((e: { action: string }) => e.action)).toEqual(["invitation.revoked"]);
    const older = await events(`?entityType=invitation&entityId=${invited.body.id}&limit=1&cursor=${encodeURIComponent(invitation.body.nextCursor)}`);
    expect(older.body.items.map((e: { action: string }) => e.action)).toEqual(["invitation.created"]);
  });

  it("needs entityType and entityId together, and a cursor from this list", async () => {
    const res = await events("?entityType=member");
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe("entityId");
    expect((await events("?cursor=not-a-cursor")).status).toBe(422);
  });

  it("does not show another studio's events", async () => {
    const mine = await api("GET", `/v1/studios/${intruder.studio.id}/audit-events`, { token: intruder.accessToken });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain(owner.studio.id);
  });

  it("is for admins only: 403 to other roles", async () => {
    for (const role of ["teacher", "student", "parent"] as const) {
      const member = await memberWithRole(owner, role);
      expect((await events("", member.accessToken)).status).toBe(403);
    }
    const admin = await memberWithRole(owner, "admin");
    expect((await events("", admin.accessToken)).status).toBe(200);
  });
});
