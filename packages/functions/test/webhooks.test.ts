import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { attemptDelivery, consumeWebhookRecords, MAX_ATTEMPTS, RETRY_OFFSETS_MS, verifyWebhookSignature, webhooksDb } from "@studiosync/core/webhooks";
import { readMail } from "@studiosync/local/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryWebhooks } from "../src/modules/hosting/jobs/retry-webhooks";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson, futureAt } from "./support/lessons";
import { addStudent, addTeacher, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  event: { id: string; type: string; created: string; studioId: string; data: { object: Record<string, unknown> } };
}

/** A receiver on 127.0.0.1 (allowed in tests only: STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK) answering with `status()` and keeping what it got. */
async function receiver(status: () => number = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body, event: JSON.parse(body) });
      response.writeHead(status(), { "content-type": "text/plain" }).end(status() < 300 ? "thanks" : "receiver broken");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}
const receivers: { close(): Promise<unknown> }[] = [];
async function openReceiver(status?: () => number) {
  const opened = await receiver(status);
  receivers.push(opened);
  return opened;
}
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

/** Polls until `done` holds: deliveries are made by the table stream's consumer a moment after the write. */
async function eventually<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const endpoints = (owner: Owner) => `/v1/studios/${owner.studio.id}/webhook-endpoints`;
const subscribe = (owner: Owner, body: Record<string, unknown>, token = owner.accessToken) => api("POST", endpoints(owner), { token, body });
const deliveries = async (owner: Owner, endpointId: string, query = "") =>
  (await api("GET", `${endpoints(owner)}/${endpointId}/deliveries${query}`, { token: owner.accessToken })).body.items as {
    id: string;
    status: string;
    eventType: string;
    eventId: string;
  }[];

describe("outbound webhooks", () => {
  let owner: Owner;
  beforeAll(async () => {
    owner = await ownerWithStudio();
  });

  it("delivers subscribed events after commit, signed with the endpoint's secret, and logs each delivery", async () => {
    const hook = await openReceiver();
    const created = await subscribe(owner, { url: hook.url, description: "CRM", events: ["student.created", "lesson.created", "lesson.cancelled"] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { secret, id: endpointId } = created.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await api("GET", endpoints(owner), { token: owner.accessToken });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: endpointId, status: "enabled", secretHint: `whsec_…${secret.slice(-4)}` })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id, medicalNotes: "Asthma" });
    const lesson = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(3, 15) });
    expect(lesson.status).toBe(201);
    // A lead is not subscribed to: never sent.
    await api("POST", `/v1/studios/${owner.studio.id}/leads`, {
      token: owner.accessToken,
      body: { studentFirstName: "Lia", studentLastName: "Lead", contactName: "Pat Lead" },
    });
    await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lesson.body.id}/cancel`, { token: owner.accessToken, body: { reason: "Studio closed" } });

    await eventually(
      () => hook.received.map((r) => r.event.type),
      (types) => types.includes("lesson.cancelled"),
    );
    const types = hook.received.map((r) => r.event.type);
    expect(types).toEqual(expect.arrayContaining(["student.created", "lesson.created", "lesson.cancelled"]));
    expect(types).not.toContain("lead.created");
    expect(types.filter((t) => t === "student.created")).toHaveLength(1);

    const studentEvent = hook.received.find((r) => r.event.type === "student.created")!;
    expect(studentEvent.event).toMatchObject({ studioId: owner.studio.id, data: { object: { object: "student", studentId: student.id } } });
    // Public fields only: no medical notes, no keys.
    expect(studentEvent.body).not.toContain("Asthma");
    expect(studentEvent.body).not.toContain("gsi1pk");
    const signature = studentEvent.headers["studiosync-signature"] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, studentEvent.body, signature)).toBe(true);
    expect(verifyWebhookSignature(secret, `${studentEvent.body} `, signature)).toBe(false);
    expect(studentEvent.headers["studiosync-event-id"]).toBe(studentEvent.event.id);
    expect(studentEvent.headers["studiosync-event-type"]).toBe("student.created");

    const log = await eventually(
      () => deliveries(owner, endpointId),
      (items) => items.length === 3 && items.every((d) => d.status === "delivered"),
    );
    expect(log.map((d) => d.status)).toEqual(["delivered", "delivered", "delivered"]);
    const detail = await api("GET", `${endpoints(owner)}/${endpointId}/deliveries/${log[0]!.id}`, { token: owner.accessToken });
    expect(detail.body).toMatchObject({
      status: "delivered",
      attempts: 1,
      lastStatusCode: 200,
      responseBody: "thanks",
      history: [expect.objectContaining({ statusCode: 200 })],
    });
    expect(JSON.parse(detail.body.payload).id).toBe(detail.body.eventId);

    // A ping from the endpoint's page.
    const ping = await api("POST", `${endpoints(owner)}/${endpointId}/test`, { token: owner.accessToken });
    expect(ping.status).toBe(202);
    await eventually(
      () => hook.received.map((r) => r.event.type),
      (seen) => seen.includes("ping"),
    );
    expect(await auditActions(owner.studio.id, "webhook_endpoint", endpointId)).toEqual(
      expect.arrayContaining(["webhook_endpoint.created", "webhook_endpoint.tested"]),
    );
  });

  it("counts a replayed stream record once", async () => {
    const hook = await openReceiver();
    const { id: endpointId } = (await subscribe(owner, { url: hook.url, events: ["lead.created"] })).body;
    const record = {
      eventName: "INSERT",
      dynamodb: {
        SequenceNumber: `seq-${endpointId}`,
        NewImage: {
          __edb_e__: { S: "lead" },
          studioId: { S: owner.studio.id },
          leadId: { S: `lead-${endpointId}` },
          contactName: { S: "Replay Person" },
          updatedAt: { S: new Date().toISOString() },
        },
      },
    };
    await consumeWebhookRecords([record]);
    await consumeWebhookRecords([record, record]);
    await eventually(
      () => hook.received.length,
      (n) => n >= 1,
    );
    const log = await eventually(
      () => deliveries(owner, endpointId),
      (items) => items[0]?.status === "delivered",
    );
    expect(log).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
  });

  it("retries a failing receiver with backoff from the retry job, once per due attempt", async () => {
    let failing = true;
    const hook = await openReceiver(() => (failing ? 503 : 204));
    const { id: endpointId } = (await subscribe(owner, { url: hook.url, events: ["student.created"] })).body;
    await addStudent(owner);
    const [pending] = await eventually(
      () => deliveries(owner, endpointId),
      (items) => items[0]?.status === "pending" && hook.received.length === 1,
    );
    const first = await api("GET", `${endpoints(owner)}/${endpointId}/deliveries/${pending!.id}`, { token: owner.accessToken });
    expect(first.body).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503, lastError: "HTTP 503", responseBody: "receiver broken" });
    const firstAt = Date.parse(first.body.lastAttemptAt);
    expect(Date.parse(first.body.nextAttemptAt) - firstAt).toBe(RETRY_OFFSETS_MS[0]);

    // Not due yet: nothing; then due: one attempt, even with the job run twice at once.
    await retryWebhooks(() => new Date(firstAt + 30_000))();
    expect(hook.received).toHaveLength(1);
    failing = false;
    await Promise.all([retryWebhooks(() => new Date(firstAt + 61_000))(), retryWebhooks(() => new Date(firstAt + 61_000))()]);
    expect(hook.received).toHaveLength(2);
    const done = await api("GET", `${endpoints(owner)}/${endpointId}/deliveries/${pending!.id}`, { token: owner.accessToken });
    expect(done.body).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 204, nextAttemptAt: null });
    expect(done.body.history.map((h: { statusCode: number }) => h.statusCode)).toEqual([503, 204]);
    expect(hook.received[0]!.event.id).toBe(hook.received[1]!.event.id);
    const endpoint = await api("GET", `${endpoints(owner)}/${endpointId}`, { token: owner.accessToken });
    expect(endpoint.body).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: expect.any(String), status: "enabled" });
  });

  it("turns an endpoint off after a day of failures, emails the owner once, and replays after it is back on", async () => {
    let failing = true;
    const hook = await openReceiver(() => (failing ? 500 : 200));
    const { id: endpointId } = (await subscribe(owner, { url: hook.url, events: ["student.created"] })).body;
    await addStudent(owner);
    const [pending] = await eventually(
      () => deliveries(owner, endpointId),
      (items) => items[0]?.status === "pending" && hook.received.length === 1,
    );
    const key = { studioId: owner.studio.id, endpointId, deliveryId: pending!.id };
    const { data } = await webhooksDb().entities.webhookDelivery.get(key).go({ consistent: true });
    const firstAt = Date.parse(data!.firstAttemptAt!);
    for (const offset of RETRY_OFFSETS_MS) expect(await attemptDelivery(key, { now: new Date(firstAt + offset + 1_000) })).toMatch(/retrying|failed/);
    expect(hook.received).toHaveLength(MAX_ATTEMPTS);

    const failed = await api("GET", `${endpoints(owner)}/${endpointId}/deliveries/${pending!.id}`, { token: owner.accessToken });
    expect(failed.body).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, failedAt: expect.any(String) });
    const endpoint = await api("GET", `${endpoints(owner)}/${endpointId}`, { token: owner.accessToken });
    expect(endpoint.body).toMatchObject({ status: "disabled", disabledReason: "failing", consecutiveFailures: MAX_ATTEMPTS });
    const [mail] = await readMail(owner.email, { subject: "Webhook endpoint turned off" });
    expect(mail!.body.text).toContain(hook.url);
    expect(mail!.body.text).toContain(`/dashboard/studios/${owner.studio.id}/settings/webhooks/${endpointId}`);
    expect(await auditActions(owner.studio.id, "webhook_endpoint", endpointId)).toContain("webhook_endpoint.disabled");

    // Off: no new deliveries, and a replay is refused until it is back on.
    const replayOff = await api("POST", `${endpoints(owner)}/${endpointId}/deliveries/${pending!.id}/replay`, { token: owner.accessToken });
    expect([replayOff.status, replayOff.body.code]).toEqual([409, "webhook_endpoint.disabled"]);
    failing = false;
    const on = await api("PATCH", `${endpoints(owner)}/${endpointId}`, { token: owner.accessToken, body: { enabled: true } });
    expect(on.body).toMatchObject({ status: "enabled", disabledReason: null, consecutiveFailures: 0 });
    const replay = await api("POST", `${endpoints(owner)}/${endpointId}/deliveries/${pending!.id}/replay`, { token: owner.accessToken });
    expect(replay.status, JSON.stringify(replay.body)).toBe(202);
    expect(replay.body).toMatchObject({ replayOf: pending!.id, eventId: pending!.eventId });
    await eventually(
      () => hook.received.length,
      (n) => n === MAX_ATTEMPTS + 1,
    );
    expect(hook.received.at(-1)!.event.id).toBe(pending!.eventId);
    const failedOnly = await deliveries(owner, endpointId, "?status=failed");
    expect(failedOnly.map((d) => d.id)).toEqual([pending!.id]);
    // One email however often it is told.
    expect(await readMail(owner.email, { subject: "Webhook endpoint turned off", count: 1 })).toHaveLength(1);
  });

  it("refuses private addresses, bad input, other studios and people who are not owners", async () => {
    for (const url of [
      "http://10.0.0.5/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[fd00::1]/x",
      "http://192.168.1.20/",
      "ftp://example.com/x",
      "https://user:pw@example.com/x",
      "http://printer.local/",
    ]) {
      const refused = await subscribe(owner, { url, events: ["student.created"] });
      expect([url, refused.status, refused.body.errors?.[0]?.path]).toEqual([url, 422, "url"]);
    }
    const unknownEvent = await subscribe(owner, { url: "https://hooks.studiosync.test/x", events: ["student.deleted"] });
    expect([unknownEvent.status, unknownEvent.body.errors?.[0]?.path]).toEqual([422, "events.0"]);
    const none = await subscribe(owner, { url: "https://hooks.studiosync.test/x", events: [] });
    expect(none.status).toBe(422);

    const { id: endpointId } = (await subscribe(owner, { url: "https://hooks.studiosync.test/x", events: ["lead.created"] })).body;
    const other = await ownerWithStudio();
    const theirs = await api("GET", `/v1/studios/${other.studio.id}/webhook-endpoints/${endpointId}`, { token: other.accessToken });
    expect(theirs.status).toBe(404);
    const crossed = await api("GET", `/v1/studios/${owner.studio.id}/webhook-endpoints/${endpointId}`, { token: other.accessToken });
    expect(crossed.status).toBe(404);

    const rolled = await api("POST", `${endpoints(owner)}/${endpointId}/secret`, { token: owner.accessToken });
    expect(rolled.body.secret).toMatch(/^whsec_/);
    const deleted = await api("DELETE", `${endpoints(owner)}/${endpointId}`, { token: owner.accessToken });
    expect(deleted.status).toBe(204);
    expect((await api("GET", `${endpoints(owner)}/${endpointId}`, { token: owner.accessToken })).status).toBe(404);
  });

  it("keeps a studio to ten endpoints", async () => {
    const studio = await ownerWithStudio();
    for (let i = 0; i < 10; i++) expect((await subscribe(studio, { url: `https://hooks.studiosync.test/${i}`, events: ["lead.created"] })).status).toBe(201);
    const eleventh = await subscribe(studio, { url: "https://hooks.studiosync.test/11", events: ["lead.created"] });
    expect([eleventh.status, eleventh.body.code]).toEqual([409, "webhook_endpoint.limit"]);
  });
});
