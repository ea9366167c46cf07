import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { meteringDb, usageMonthOf } from "@studiosync/core/metering";
import { setPlatformOperator } from "@studiosync/core/operators";
import { chargePlatformInvoice, closeStudioMonth } from "@studiosync/core/platform-billing";
import { readMail } from "@studiosync/local/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio } from "./support/api";
import { auditActions, memberWithRole } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const DAY = 86_400_000;
/** A closed month: its invoices are made here with closeStudioMonth. */
const MONTH = "2026-10";

let operator: Owner;
const asOperator = (method: string, path: string, body?: unknown) =>
  api(method, path, { token: operator.accessToken, ...(body === undefined ? {} : { body }) });
const studioPath = (owner: Owner, path = "") => `/v1/studios/${owner.studio.id}${path}`;
const addStudentAs = (token: string, owner: Owner) => api("POST", studioPath(owner, "/students"), { token, body: { firstName: "Nia", lastName: "New" } });
const writeUsage = (studioId: string, month: string, counts: Record<string, number>) =>
  meteringDb()
    .entities.usageMonth.upsert({ studioId, month, ...counts })
    .go();

beforeAll(async () => {
  // An operator is any account made one by `npm run operator -- grant` (the same core call).
  operator = await ownerWithStudio({ name: "Olga Operator" });
  await setPlatformOperator(operator.email, true, "cli:test");
});

describe("the platform operators' console", () => {
  it("lists and finds studios with their pause, owner, this month's usage and open invoices, a page at a time", async () => {
    const tag = `Ops${randomUUID().slice(0, 8)}`;
    const alpha = await ownerWithStudio({ studioName: `${tag} Alpha Strings`, name: "Ada Alpha" });
    const beta = await ownerWithStudio({ studioName: `${tag} Beta Brass` });
    const now = new Date();
    const month = usageMonthOf(now, "America/New_York");
    await writeUsage(alpha.studio.id, month, { activeStudents: 60, lessonsHeld: 120, emailsSent: 300 });
    await writeUsage(alpha.studio.id, MONTH, { activeStudents: 20 });
    await closeStudioMonth(alpha.studio.id, MONTH, now);

    // The operator check rides on the sign-in's read: one BatchGetItem for the whole request.
    const me = await asOperator("GET", "/v1/platform/me");
    expect(me.body).toEqual({ id: operator.userId, email: operator.email, name: "Olga Operator" });
    expect(dbCost(me.headers).calls).toBe(1);

    // By the start of their names, in name order.
    const found = await asOperator("GET", `/v1/platform/studios?q=${encodeURIComponent(tag.toLowerCase())}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([alpha.studio.id, beta.studio.id]);
    const [row] = found.body.items;
    expect(row).toMatchObject({
      id: alpha.studio.id,
      name: `${tag} Alpha Strings`,
      slug: alpha.studio.slug,
      pausedReason: null,
      owner: { name: "Ada Alpha", email: alpha.email },
      // (60 − 5 free) × $1.50 so far; the month's end adds nothing (no storage).
      usage: { month, activeStudents: 60, lessonsHeld: 120, emailsSent: 300, currency: "USD", soFarMinor: 8_250, projectedMinor: 8_250 },
      // (20 − 5) × $1.50 for October, still open.
      openInvoices: { count: 1, totalMinor: 2_250, oldestMonth: MONTH, overdue: false },
    });
    expect(found.body.items[1]).toMatchObject({ id: beta.studio.id, openInvoices: { count: 0, totalMinor: 0 }, usage: { soFarMinor: 0 } });

    // As one would type the name (case and punctuation aside), by its exact address, and by an email of its people.
    const byName = await asOperator("GET", `/v1/platform/studios?q=${encodeURIComponent(`${tag.toUpperCase()}-al`)}`);
    expect(byName.body.items.map((s: { id: string }) => s.id)).toEqual([alpha.studio.id]);
    const byAddress = await asOperator("GET", `/v1/platform/studios?q=${beta.studio.slug}`);
    expect(byAddress.body.items.map((s: { id: string }) => s.id)).toEqual([beta.studio.id]);
    const byEmail = await asOperator("GET", `/v1/platform/studios?q=${encodeURIComponent(beta.email)}`);
    expect(byEmail.body.items.map((s: { id: string }) => s.id)).toEqual([beta.studio.id]);
    expect((await asOperator("GET", "/v1/platform/studios?q=%21%21")).body.items).toEqual([]);

    // A page at a time, by cursor; a cursor of another search is refused.
    const first = await asOperator("GET", `/v1/platform/studios?q=${tag}&limit=1`);
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([alpha.studio.id]);
    const second = await asOperator("GET", `/v1/platform/studios?q=${tag}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((s: { id: string }) => s.id)).toEqual([beta.studio.id]);
    const third = second.body.nextCursor
      ? await asOperator("GET", `/v1/platform/studios?q=${tag}&limit=1&cursor=${encodeURIComponent(second.body.nextCursor)}`)
      : { body: { items: [] } };
    expect(third.body.items).toEqual([]);
    const foreign = await asOperator("GET", `/v1/platform/studios?q=${tag}%20alpha&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([foreign.status, foreign.body.errors?.[0]?.path]).toEqual([422, "cursor"]);
    // The whole directory pages too (every studio of the run's table is in it).
    const all = await asOperator("GET", "/v1/platform/studios?limit=2");
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextCursor).toEqual(expect.any(String));

    // One studio in detail: owners, 12 months of usage, invoices, card, and nothing done to it yet.
    const detail = await asOperator("GET", `/v1/platform/studios/${alpha.studio.id}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({
      id: alpha.studio.id,
      owners: [{ name: "Ada Alpha", email: alpha.email }],
      card: null,
      spendingCapMinor: null,
      pausedReason: null,
      openInvoices: { count: 1, totalMinor: 2_250 },
      invoices: [{ month: MONTH, status: "open", totalMinor: 2_250, number: expect.stringMatching(/^SS-202610-/) }],
      actions: [],
    });
    expect(detail.body.usage.months).toHaveLength(12);
    expect(detail.body.usage.months.at(-1)).toMatchObject({ month, activeStudents: 60, soFarMinor: 8_250 });
    expect(detail.body.usage.current).toEqual(detail.body.usage.months.at(-1));
    expect((await asOperator("GET", `/v1/platform/studios/${randomUUID()}`)).status).toBe(404);

    // The month's invoices across studios, with its totals.
    const invoices = await asOperator("GET", `/v1/platform/invoices/${MONTH}?limit=100`);
    expect(invoices.status).toBe(200);
    const mine = invoices.body.items.find((i: { studioId: string }) => i.studioId === alpha.studio.id);
    expect(mine).toMatchObject({ studioName: `${tag} Alpha Strings`, studioSlug: alpha.studio.slug, status: "open", totalMinor: 2_250, overdue: false });
    expect(invoices.body.totals.invoiced.count).toBeGreaterThanOrEqual(1);
    expect(invoices.body.totals.open.totalMinor).toBeGreaterThanOrEqual(2_250);
    expect(invoices.body.totals.invoiced.totalMinor).toBe(invoices.body.totals.paid.totalMinor + invoices.body.totals.open.totalMinor);
  });

  it("suspends a studio: its members may only read, its owners are emailed, both audit logs record it; lifting it restores everything", async () => {
    const owner = await ownerWithStudio({ studioName: "Gamma Guitars" });
    const admin = await memberWithRole(owner, "admin");

    const suspended = await asOperator("POST", `/v1/platform/studios/${owner.studio.id}/suspend`, { reason: "Card chargebacks under review" });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toEqual({ id: owner.studio.id, name: "Gamma Guitars", pausedReason: "suspended", pausedAt: expect.any(String) });

    for (const token of [owner.accessToken, admin.accessToken]) {
      const refused = await addStudentAs(token, owner);
      expect([refused.status, refused.body.code]).toEqual([403, "studio.paused"]);
      expect(refused.body.detail).toContain("suspended by StudioSync");
      expect((await api("GET", studioPath(owner, "/students"), { token })).status).toBe(200);
    }
    const [mail] = await readMail(owner.email, { subject: "is suspended on StudioSync" });
    expect(mail!.body.text).toContain("The reason given: Card chargebacks under review");
    expect(mail!.body.text).toContain(`/dashboard/studios/${owner.studio.id}`);

    // The studio's own log (its admins see it) names the operator; the operators' log names both.
    expect(await auditActions(owner.studio.id, "studio", owner.studio.id)).toEqual(["studio.suspended"]);
    const studioLog = await api("GET", studioPath(owner, "/audit-events?entityType=studio&entityId=" + owner.studio.id), { token: owner.accessToken });
    expect(studioLog.body.items[0]).toMatchObject({
      action: "studio.suspended",
      actorId: operator.userId,
      changes: { pausedReason: { before: null, after: "suspended" }, reason: { before: null, after: "Card chargebacks under review" } },
    });
    const log = await asOperator("GET", "/v1/platform/audit?limit=100");
    expect(log.body.items.find((a: { subjectId: string }) => a.subjectId === owner.studio.id)).toMatchObject({
      action: "studio.suspended",
      actorId: operator.userId,
      actorEmail: operator.email,
      subjectType: "studio",
      subjectName: "Gamma Guitars",
      reason: "Card chargebacks under review",
      changes: { pausedReason: { before: null, after: "suspended" } },
    });
    const listed = await asOperator("GET", `/v1/platform/studios?q=${owner.studio.slug}`);
    expect(listed.body.items[0]).toMatchObject({ id: owner.studio.id, pausedReason: "suspended" });

    const again = await asOperator("POST", `/v1/platform/studios/${owner.studio.id}/suspend`, { reason: "Twice" });
    expect([again.status, again.body.code]).toEqual([409, "studio.already_suspended"]);
    expect(await readMail(owner.email, { subject: "is suspended on StudioSync", count: 1 })).toHaveLength(1);

    const lifted = await asOperator("POST", `/v1/platform/studios/${owner.studio.id}/unsuspend`, { reason: "Chargebacks resolved" });
    expect(lifted.body).toEqual({ id: owner.studio.id, name: "Gamma Guitars", pausedReason: null, pausedAt: null });
    expect((await addStudentAs(owner.accessToken, owner)).status).toBe(201);
    await readMail(owner.email, { subject: "is active again on StudioSync" });
    expect(await auditActions(owner.studio.id, "studio", owner.studio.id)).toEqual(["studio.suspended", "studio.unsuspended"]);
    const detail = await asOperator("GET", `/v1/platform/studios/${owner.studio.id}`);
    expect(detail.body.actions.map((a: { action: string; reason: string | null }) => [a.action, a.reason])).toEqual([
      ["studio.unsuspended", "Chargebacks resolved"],
      ["studio.suspended", "Card chargebacks under review"],
    ]);
    const notSuspended = await asOperator("POST", `/v1/platform/studios/${owner.studio.id}/unsuspend`);
    expect([notSuspended.status, notSuspended.body.code]).toEqual([409, "studio.not_suspended"]);
  });

  it("leaves a pause for an unpaid invoice in place: lifting a suspension over it leaves the studio paused as unpaid", async () => {
    const owner = await ownerWithStudio({ studioName: "Delta Drums" });
    const studioId = owner.studio.id;
    await writeUsage(studioId, MONTH, { activeStudents: 30 });
    const now = Date.now();
    await closeStudioMonth(studioId, MONTH, new Date(now));
    // The dunning ladder with no card: at once, 3 and 7 days on, and the day after the grace period pauses it.
    for (const days of [0, 3, 7, 15]) await chargePlatformInvoice(studioId, MONTH, { now: new Date(now + days * DAY) });
    const { data: paused } = await db().entities.studio.get({ studioId }).go({ consistent: true });
    expect(paused?.pausedReason).toBe("unpaid");

    const notSuspended = await asOperator("POST", `/v1/platform/studios/${studioId}/unsuspend`, {});
    expect([notSuspended.status, notSuspended.body.code]).toEqual([409, "studio.not_suspended"]);
    expect(notSuspended.body.detail).toContain("unpaid");
    expect((await addStudentAs(owner.accessToken, owner)).body.code).toBe("studio.paused");

    expect((await asOperator("POST", `/v1/platform/studios/${studioId}/suspend`, { reason: "Abuse report" })).body.pausedReason).toBe("suspended");
    const lifted = await asOperator("POST", `/v1/platform/studios/${studioId}/unsuspend`, {});
    expect(lifted.body).toMatchObject({ pausedReason: "unpaid", pausedAt: paused!.pausedAt });
    const refused = await addStudentAs(owner.accessToken, owner);
    expect([refused.status, refused.body.code]).toEqual([403, "studio.paused"]);
    expect(refused.body.detail).toContain("invoice is paid");
    const [mail] = await readMail(owner.email, { subject: "an unpaid StudioSync invoice still pauses it" });
    expect(mail!.body.text).toContain(`/dashboard/studios/${studioId}/settings/usage`);
    const { data: events } = await db().entities.auditEvent.query.auditByEntity({ studioId, entityType: "studio", entityId: studioId }).go();
    expect(events.at(-1)).toMatchObject({ action: "studio.unsuspended", changes: { pausedReason: { before: "suspended", after: "unpaid" } } });
  });

  it("refuses everyone but the platform's operators: members, API keys, the signed out; the role is never set through the API", async () => {
    const owner = await ownerWithStudio();
    const admin = await memberWithRole(owner, "admin");
    const key = await api("POST", studioPath(owner, "/api-keys"), {
      token: owner.accessToken,
      body: { name: "Ops probe", scopes: ["read", "write", "billing"] },
    });
    expect(key.status).toBe(201);
    const routes: [string, string, unknown?][] = [
      ["GET", "/v1/platform/me"],
      ["GET", "/v1/platform/studios"],
      ["GET", `/v1/platform/studios/${owner.studio.id}`],
      ["POST", `/v1/platform/studios/${owner.studio.id}/suspend`, { reason: "Not yours to do" }],
      ["POST", `/v1/platform/studios/${owner.studio.id}/unsuspend`, {}],
      ["GET", `/v1/platform/invoices/${MONTH}`],
      ["GET", "/v1/platform/audit"],
    ];
    for (const [method, path, body] of routes) {
      for (const token of [owner.accessToken, admin.accessToken]) {
        const res = await api(method, path, { token, body });
        expect([path, res.status, res.body.code]).toEqual([path, 403, "platform.operators_only"]);
      }
      const byKey = await api(method, path, { token: key.body.token, body });
      expect([path, byKey.status, byKey.body.code]).toEqual([path, 403, "api_key.studio_routes_only"]);
      expect([path, (await api(method, path, { body })).status]).toEqual([path, 401]);
      expect([path, (await api(method, path, { token: "not-a-token", body })).status]).toEqual([path, 401]);
    }
    const { data: studio } = await db().entities.studio.get({ studioId: owner.studio.id }).go({ consistent: true });
    expect(studio?.pausedReason).toBeUndefined();

    // Nothing a person can send makes them an operator.
    const patched = await api("PATCH", "/v1/me", { token: owner.accessToken, body: { name: "Sneaky", platformRole: "operator" } });
    expect(patched.status).toBeLessThan(500);
    expect((await api("GET", "/v1/platform/me", { token: owner.accessToken })).status).toBe(403);

    // A revoked operator is refused at their next request; granting again is recorded too.
    const former = await ownerWithStudio();
    expect((await setPlatformOperator(former.email, true, "cli:test")).changed).toBe(true);
    expect((await setPlatformOperator(former.email, true, "cli:test")).changed).toBe(false);
    expect((await api("GET", "/v1/platform/studios?limit=1", { token: former.accessToken })).status).toBe(200);
    await setPlatformOperator(former.email, false, "cli:test");
    expect((await api("GET", "/v1/platform/studios?limit=1", { token: former.accessToken })).status).toBe(403);
    const log = await asOperator("GET", "/v1/platform/audit?limit=100");
    const about = log.body.items.filter((a: { subjectId: string }) => a.subjectId === former.userId).map((a: { action: string }) => a.action);
    expect(about).toEqual(["operator.revoked", "operator.granted"]);
    await expect(setPlatformOperator("nobody-here@example.test", true, "cli:test")).rejects.toThrow("No account");
  });

  it("answers bad input with 422 naming the field", async () => {
    const owner = await ownerWithStudio();
    const suspend = (body: unknown) => asOperator("POST", `/v1/platform/studios/${owner.studio.id}/suspend`, body);
    const fieldOf = (res: { status: number; body: { errors?: { path: string }[] } }) => [res.status, res.body.errors?.map((e) => e.path)];
    expect(fieldOf(await suspend({}))).toEqual([422, ["reason"]]);
    expect(fieldOf(await suspend({ reason: "   " }))).toEqual([422, ["reason"]]);
    expect(fieldOf(await suspend({ reason: "x".repeat(501) }))).toEqual([422, ["reason"]]);
    expect(fieldOf(await suspend({ reason: "Fine", pausedReason: "unpaid" }))).toEqual([422, ["pausedReason"]]);
    expect(fieldOf(await suspend({ reason: "Bad\u0000byte" }))).toEqual([422, ["reason"]]);
    const notJson = await api("POST", `/v1/platform/studios/${owner.studio.id}/suspend`, {
      token: operator.accessToken,
      rawBody: "reason=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(notJson.status).toBe(415);
    expect(fieldOf(await asOperator("GET", "/v1/platform/invoices/2026-13"))).toEqual([422, ["month"]]);
    expect(fieldOf(await asOperator("GET", "/v1/platform/studios?limit=0"))).toEqual([422, ["limit"]]);
    expect(fieldOf(await asOperator("GET", "/v1/platform/audit?cursor=not-a-cursor"))).toEqual([422, ["cursor"]]);
    expect(fieldOf(await asOperator("GET", `/v1/platform/studios?q=${"a".repeat(101)}`))).toEqual([422, ["q"]]);
    expect((await suspend({ reason: "Fine" })).status).toBe(200);
    expect((await asOperator("POST", `/v1/platform/studios/${randomUUID()}/suspend`, { reason: "Nobody" })).status).toBe(404);
  });
});
