import { beforeAll, describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, dbCost, ownerWithStudio, uniqueEmail } from "./support/api";
import { invitationToken } from "./support/invitations";
import { memberWithRole } from "./support/members";
import { readTeacher, teacherProfile } from "./support/profiles";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio({ studioName: "Riverside Music" }), ownerWithStudio()]);
});

const requestAccess = (slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api("POST", `/v1/public/studios/${slug}/access-requests`, { body, headers });
const requestBody = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail("applicant"),
  firstName: "Ravi",
  lastName: "Requester",
  role: "teacher",
  message: "I teach cello.",
  ...overrides,
});
const list = (query = "", token = owner.accessToken) => api("GET", `/v1/studios/${owner.studio.id}/access-requests${query}`, { token });

async function pendingRequest(body = requestBody()) {
  expect((await requestAccess(owner.studio.slug, body)).status).toBe(202);
  const pending = await list("?status=pending");
  const found = pending.body.items.find((r: { email: string }) => r.email === body.email.toLowerCase());
  expect(found).toBeDefined();
  return found as { id: string; email: string };
}

describe("access request → approval → invitation → membership", () => {
  it("runs end to end with the invitation read from the mailbox", async () => {
    const body = requestBody();
    const res = await requestAccess(owner.studio.slug, body);
    expect(res.status).toBe(202);

    const pending = await list("?status=pending");
    expect(pending.status).toBe(200);
    expect(dbCost(pending.headers).calls).toBeLessThanOrEqual(3);
    const request = pending.body.items.find((r: { email: string }) => r.email === body.email.toLowerCase());
    expect(request).toMatchObject({
      firstName: "Ravi",
      lastName: "Requester",
      role: "teacher",
      message: "I teach cello.",
      status: "pending",
      reviewedBy: null,
    });

    const { teacherId } = await teacherProfile(owner.studio.id, "Ravi", "Requester");
    const approve = await api("POST", `/v1/studios/${owner.studio.id}/access-requests/${request.id}/approve`, {
      token: owner.accessToken,
      body: { teacherId },
    });
    expect(approve.status).toBe(200);
    expect(approve.body.accessRequest).toMatchObject({ status: "approved", reviewedBy: owner.userId, reviewedAt: expect.any(String) });
    expect(approve.body.invitation).toMatchObject({ email: request.email, role: "teacher", teacherId, status: "pending" });
    expect(approve.body.accessRequest.invitationId).toBe(approve.body.invitation.id);

    const token = await invitationToken(request.email);
    const accepted = await api("POST", "/v1/public/invitations/accept", { body: { token, name: "Ravi Requester", password: "cello strings forever" } });
    expect(accepted.status).toBe(200);
    const me = await api("GET", "/v1/me", { token: accepted.body.session.accessToken });
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: "teacher", studio: expect.objectContaining({ id: owner.studio.id }) })]);
    expect((await readTeacher(owner.studio.id, teacherId))?.userId).toBe(accepted.body.userId);

    const approved = await list("?status=approved");
    expect(approved.body.items.map((r: { id: string }) => r.id)).toContain(request.id);
    expect((await list("?status=pending")).body.items.map((r: { id: string }) => r.id)).not.toContain(request.id);
    const again = await api("POST", `/v1/studios/${owner.studio.id}/access-requests/${request.id}/approve`, {
      token: owner.accessToken,
      body: { teacherId },
    });
    expect(again.status).toBe(409);
  });

  it("approval needs the profile that fits the requested role", async () => {
    const request = await pendingRequest(requestBody({ role: "student" }));
    const url = `/v1/studios/${owner.studio.id}/access-requests/${request.id}/approve`;
    const missing = await api("POST", url, { token: owner.accessToken, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: "studentId", message: expect.any(String) }]);
    const unknown = await api("POST", url, { token: owner.accessToken, body: { studentId: "no-such-student" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("studentId");
    // Still pending after the failed attempts.
    expect((await list("?status=pending")).body.items.map((r: { id: string }) => r.id)).toContain(request.id);
  });
});

describe("rejecting", () => {
  it("records reviewer, time and note, and tells the requester", async () => {
    const request = await pendingRequest();
    const res = await api("POST", `/v1/studios/${owner.studio.id}/access-requests/${request.id}/reject`, {
      token: owner.accessToken,
      body: { note: "We are full this term." },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "rejected", reviewedBy: owner.userId, reviewedAt: expect.any(String), reviewNote: "We are full this term." });
    const mail = await readMail(request.email, { subject: "Your request to join “Riverside Music”" });
    expect(mail[0]!.body.text).toContain("We are full this term.");

    const rejected = await list("?status=rejected");
    expect(rejected.body.items.find((r: { id: string }) => r.id === request.id)).toMatchObject({ status: "rejected", reviewedBy: owner.userId });
    const twice = await api("POST", `/v1/studios/${owner.studio.id}/access-requests/${request.id}/reject`, { token: owner.accessToken, body: {} });
    expect(twice.status).toBe(409);
  });
});

describe("POST /v1/public/studios/{slug}/access-requests", () => {
  it("names invalid fields, 404s unknown studios", async () => {
    const bad = await requestAccess(owner.studio.slug, { email: "nope", firstName: "", lastName: "X", role: "owner", extra: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "extra", "firstName", "role"]);
    expect((await requestAccess("no-such-studio-here", requestBody())).status).toBe(404);
  });

  it("emails a confirmation to the requester and a link to the request to each owner and admin", async () => {
    const admin = await memberWithRole(owner, "admin");
    const teacher = await memberWithRole(owner, "teacher");
    const since = Math.floor(Date.now() / 1000) - 1;
    const body = requestBody({ firstName: "Nina", lastName: "Notified", role: "student" });
    expect((await requestAccess(owner.studio.slug, body)).status).toBe(202);
    const request = (await list("?status=pending")).body.items.find((r: { email: string }) => r.email === body.email.toLowerCase());

    const [confirmation] = await readMail(body.email, { subject: "We received your request to join", since });
    expect(confirmation!.subject).toContain("“Riverside Music”");
    expect(confirmation!.body.text).toContain(`http://127.0.0.1:4321/${owner.studio.slug}`);
    expect(confirmation!.body.text).not.toContain("Nina");
    for (const to of [owner.email, admin.email]) {
      const [notice] = await readMail(to, { subject: "Nina Notified asks to join", since });
      expect(notice!.body.text).toContain(`${body.email.toLowerCase()}) asked to join Riverside Music as a student`);
      expect(notice!.body.text).toContain(`http://127.0.0.1:4321/dashboard/studios/${owner.studio.id}/requests/access/${request.id}`);
    }
    await expect(readMail(teacher.email, { subject: "asks to join", since, timeoutMs: 500 })).rejects.toThrow(/got 0/);
  });

  it("a double submit (same Idempotency-Key and body) makes one request and one set of emails", async () => {
    const body = requestBody({ firstName: "Dora", lastName: "Double" });
    const headers = { "Idempotency-Key": `join-${body.email}` };
    const answers = await Promise.all([requestAccess(owner.studio.slug, body, headers), requestAccess(owner.studio.slug, body, headers)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect((await requestAccess(owner.studio.slug, body, headers)).status).toBe(202);

    const mine = (await list("?status=pending&limit=100")).body.items.filter((r: { email: string }) => r.email === body.email.toLowerCase());
    expect(mine).toHaveLength(1);
    expect(await readMail(body.email, { subject: "We received your request" })).toHaveLength(1);
    expect(await readMail(owner.email, { subject: "Dora Double asks to join" })).toHaveLength(1);
    await expect(readMail(body.email, { subject: "We received your request", count: 2, timeoutMs: 750 })).rejects.toThrow(/got 1/);
  });

  it("limits requests per email", async () => {
    const email = uniqueEmail("flood");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestAccess(owner.studio.slug, requestBody({ email }), { "X-Forwarded-For": "203.0.113.9" })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe("listing", () => {
  it("lists newest first with pagination, and another studio's requests never show", async () => {
    const studio = await ownerWithStudio();
    const emails = [uniqueEmail("one"), uniqueEmail("two")];
    for (const email of emails) await requestAccess(studio.studio.slug, requestBody({ email }));
    const first = await api("GET", `/v1/studios/${studio.studio.id}/access-requests?limit=1`, { token: studio.accessToken });
    expect(first.body.items.map((r: { email: string }) => r.email)).toEqual([emails[1]!.toLowerCase()]);
    const second = await api("GET", `/v1/studios/${studio.studio.id}/access-requests?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: studio.accessToken,
    });
    expect(second.body.items.map((r: { email: string }) => r.email)).toEqual([emails[0]!.toLowerCase()]);
    expect(dbCost(second.headers).calls).toBeLessThanOrEqual(3);
    const other = await api("GET", `/v1/studios/${intruder.studio.id}/access-requests`, { token: intruder.accessToken });
    expect(other.body.items).toEqual([]);
  });
});

describe("access request routes security", () => {
  it("403 for non-admins, 404 for another studio's request ids", async () => {
    const request = await pendingRequest();
    const teacher = await memberWithRole(owner, "teacher");
    const routes: Array<[string, (id: string) => string, unknown]> = [
      ["GET", (id) => `/v1/studios/${id}/access-requests`, undefined],
      ["POST", (id) => `/v1/studios/${id}/access-requests/${request.id}/approve`, {}],
      ["POST", (id) => `/v1/studios/${id}/access-requests/${request.id}/reject`, {}],
    ];
    for (const [method, path, body] of routes) {
      expect((await api(method, path(owner.studio.id), { token: teacher.accessToken, body })).status).toBe(403);
      // The intruder's own studio does not hold this request.
      if (method === "POST") expect((await api(method, path(intruder.studio.id), { token: intruder.accessToken, body })).status).toBe(404);
    }
    expect((await list("?status=pending")).body.items.map((r: { id: string }) => r.id)).toContain(request.id);
  });
});
