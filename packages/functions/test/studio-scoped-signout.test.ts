import { beforeAll, describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { memberWithRole, type Member } from "./support/members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

let owner: Owner;
beforeAll(async () => {
  owner = await ownerWithStudio();
});

/** Their sign-in still works at the studio they own: access token and refresh. */
async function expectStillSignedInElsewhere(member: Member) {
  expect((await api("GET", `/v1/studios/${member.ownStudioId}`, { token: member.accessToken })).status).toBe(200);
  const refreshed = await api("POST", "/v1/auth/refresh", { body: { refreshToken: member.refreshToken } });
  expect(refreshed.status).toBe(200);
  expect((await api("GET", `/v1/studios/${member.ownStudioId}`, { token: refreshed.body.accessToken })).status).toBe(200);
  expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: refreshed.body.accessToken })).status).toBe(404);
}

describe("issue 10 #7: deactivating or removing a member ends their access to that studio only", { timeout: 90_000 }, () => {
  it("deactivation: 404 in this studio at once, still signed in at their other studio", async () => {
    const teacher = await memberWithRole(owner, "teacher");
    expect((await api("POST", `/v1/studios/${owner.studio.id}/members/${teacher.userId}/deactivate`, { token: owner.accessToken })).status).toBe(200);
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: teacher.accessToken })).status).toBe(404);
    await expectStillSignedInElsewhere(teacher);
  });

  it("removal: 404 in this studio at once, still signed in at their other studio", async () => {
    const student = await memberWithRole(owner, "student");
    expect((await api("DELETE", `/v1/studios/${owner.studio.id}/members/${student.userId}`, { token: owner.accessToken })).status).toBe(204);
    expect((await api("GET", `/v1/studios/${owner.studio.id}`, { token: student.accessToken })).status).toBe(404);
    await expectStillSignedInElsewhere(student);
  });
});
