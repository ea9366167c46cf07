import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { attemptDelivery, RETRY_OFFSETS_MS, verifyWebhookSignature, webhooksDb } from "@studiosync/core/webhooks";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BrowserSessions, type Client, type HostingClient, signInApi, signInHostingApi } from "./support/browser-sessions";
import { acceptInvitation, emailedLink, expectStatus, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * Webhooks (Settings, owners only): the owner adds an endpoint pointing at a receiver of the test's
 * own on 127.0.0.1 (allowed in tests only: STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK) and sees its signing
 * secret once; a student added through the API reaches the receiver, signed with that secret, and
 * shows as delivered in the endpoint's log; the owner opens the delivery, replays it, sends a test
 * event, turns the endpoint off and on, changes it, rolls its secret and deletes it. A private
 * address is refused under the URL field. An admin has no tab and reads that only the owner
 * manages webhooks (403).
 */
let site: Site;
let sessions: BrowserSessions;
let owner: Client;
let ownerHosting: HostingClient;
let ownerEmail = "";
let adminEmail = "";
let studioId = "";
let base = "";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering `status()` with a body to show escaped, keeping what it got. */
async function openReceiver(status: () => number = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status(), { "content-type": "text/plain" }).end(status() < 300 ? "thanks <b>StudioSync</b>" : "receiver broken");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}
const servers: Server[] = [];
let receiver: Awaited<ReturnType<typeof openReceiver>>;
let receiverUrl = "";

beforeAll(async () => {
  receiver = await openReceiver();
  receiverUrl = receiver.url;
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Riverside Music");
  ownerEmail = studio.email;
  studioId = studio.studioId;
  base = `/dashboard/studios/${studioId}`;
  owner = await signInApi(site.apiUrl, ownerEmail);
  ownerHosting = await signInHostingApi(site.apiUrl, ownerEmail);
  adminEmail = uniqueOwner("hooks-admin").email;
  await expectStatus(
    "invite admin",
    owner.v1.studios[":studioId"].invitations.$post({ param: { studioId }, header: {}, json: { email: adminEmail, role: "admin" } }),
    201,
  );
  await acceptInvitation(site.apiUrl, adminEmail, "Adam Admin");
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Reloads `page` until `done` holds: deliveries are made by the table stream's consumer a moment after the change. */
async function reloadUntil(page: Page, done: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`Still waiting, after ${timeoutMs / 1000} s, for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.reload();
  }
}

/** Waits for the receiver to have had `count` requests. */
async function receivedAtLeast(count: number, received = receiver.received, timeoutMs = 30_000): Promise<Received[]> {
  const until = Date.now() + timeoutMs;
  while (received.length < count) {
    if (Date.now() > until) throw new Error(`The receiver had ${received.length} of ${count} requests after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return received;
}

const deliveryRows = (page: Page, eventType: string, status: string) =>
  page.getByRole("region", { name: "The endpoint's deliveries" }).getByRole("row").filter({ hasText: eventType }).filter({ hasText: status });

describe("webhooks", { timeout: 180_000 }, () => {
  it("the owner adds an endpoint, sees its secret once, and follows, replays and manages its deliveries", async () => {
    const page = await sessions.signIn(ownerEmail, `${base}/settings`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("heading", { name: "No webhook endpoints yet" }).waitFor();
    await page.getByText("StudioSync-Signature: t=…,v1=…").waitFor();
    await sessions.expectAccessible(page);

    // A private address is refused under its field, and what was typed is kept.
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add endpoint" }) });
    await form.getByLabel("Endpoint URL").fill("http://10.0.0.1/x");
    await form.getByLabel("Description").fill("CRM sync");
    // "Every event" ticks them all (and without script, the server reads it as all of them).
    await form.getByRole("checkbox", { name: /^Every event/ }).check();
    await expect(form.getByRole("checkbox", { name: /invoice\.paid/ }).isChecked()).resolves.toBe(true);
    await form.getByRole("checkbox", { name: /^Every event/ }).uncheck();
    await expect(form.getByRole("checkbox", { name: /invoice\.paid/ }).isChecked()).resolves.toBe(false);
    await form.getByRole("checkbox", { name: /student\.created/ }).check();
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `${base}/settings/webhooks`);
    await form.getByRole("button", { name: "Add endpoint" }).click();
    expect((await refused).status()).toBe(422);
    await page.getByRole("link", { name: /^Endpoint URL: Use a public address/ }).waitFor();
    await form.getByText(/^Use a public address/).waitFor();
    await expect(form.getByLabel("Endpoint URL").inputValue()).resolves.toBe("http://10.0.0.1/x");
    await expect(form.getByLabel("Description").inputValue()).resolves.toBe("CRM sync");
    await expect(form.getByRole("checkbox", { name: /student\.created/ }).isChecked()).resolves.toBe(true);
    await expect(form.getByRole("checkbox", { name: /lesson\.created/ }).isChecked()).resolves.toBe(false);
    await sessions.expectAccessible(page);

    // Added: the secret is shown once, in a box to copy it from.
    await form.getByLabel("Endpoint URL").fill(receiverUrl);
    const created = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `${base}/settings/webhooks`);
    await form.getByRole("button", { name: "Add endpoint" }).click();
    expect((await created).status()).toBe(200);
    await page.getByRole("heading", { name: "Endpoint added: copy its signing secret" }).waitFor();
    await page.getByText("Copy it now: it is not shown again.").waitFor();
    const secret = await page.getByLabel(`Signing secret for ${receiverUrl}`).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);
    const row = page.getByRole("row", { name: receiverUrl });
    await row.getByText("CRM sync").waitFor();
    await row.getByText("student.created").waitFor();
    await row.getByText("On", { exact: true }).waitFor();
    await sessions.expectAccessible(page);

    await page.goto(`${site.webUrl}${base}/settings/webhooks`);
    await expect(page.getByLabel(`Signing secret for ${receiverUrl}`).count()).resolves.toBe(0);
    await expect(page.content()).resolves.not.toContain(secret);

    // The endpoint's page, at the address the "turned off" email links to.
    await page.getByRole("link", { name: receiverUrl }).click();
    await page.getByRole("heading", { name: "CRM sync", level: 1 }).waitFor();
    const endpointPath = new URL(page.url()).pathname;
    const endpointId = endpointPath.split("/").pop()!;
    expect(endpointPath).toBe(`${base}/settings/webhooks/${endpointId}`);
    await page.getByRole("heading", { name: "No deliveries yet" }).waitFor();
    await page.getByText(`whsec_…${secret.slice(-4)}`).waitFor();
    await sessions.expectAccessible(page);

    // A student added through the API reaches the receiver, signed with the secret the page showed.
    await expectStatus("student", owner.v1.studios[":studioId"].students.$post({ param: { studioId }, json: { firstName: "Wanda", lastName: "Hook" } }), 201);
    const [first] = await receivedAtLeast(1);
    const event = JSON.parse(first!.body) as { id: string; type: string; data: { object: Record<string, unknown> } };
    expect(event.type).toBe("student.created");
    expect(event.data.object).toMatchObject({ firstName: "Wanda", lastName: "Hook" });
    expect(verifyWebhookSignature(secret, first!.body, String(first!.headers["studiosync-signature"]))).toBe(true);

    await reloadUntil(page, async () => (await deliveryRows(page, "student.created", "Delivered").count()) === 1, "the delivery to show as delivered");
    await deliveryRows(page, "student.created", "Delivered").getByText("HTTP 200").waitFor();
    await sessions.expectAccessible(page);

    // The status filters live in the URL.
    const filters = page.getByRole("navigation", { name: "Deliveries by status" });
    await filters.getByRole("link", { name: "Failed" }).click();
    await page.getByRole("heading", { name: "No failed deliveries" }).waitFor();
    expect(new URL(page.url()).searchParams.get("status")).toBe("failed");
    await filters.getByRole("link", { name: "Delivered" }).click();
    await deliveryRows(page, "student.created", "Delivered").waitFor();

    // The delivery: its attempt, the receiver's answer (escaped) and the body sent; then a replay.
    await deliveryRows(page, "student.created", "Delivered").getByRole("link", { name: "student.created" }).click();
    await page.getByRole("heading", { name: "Delivery of student.created" }).waitFor();
    await page.getByRole("region", { name: "The delivery's attempts" }).getByText("HTTP 200").waitFor();
    await expect(page.getByRole("region", { name: "The receiver's last answer" }).innerText()).resolves.toBe("thanks <b>StudioSync</b>");
    const body = await page.getByRole("region", { name: "The body sent" }).innerText();
    expect(JSON.parse(body)).toEqual(JSON.parse(first!.body));
    expect(body).toContain('\n  "type": "student.created"');
    await page.getByText(event.id, { exact: true }).waitFor();
    await sessions.expectAccessible(page);

    await page.getByRole("button", { name: "Replay" }).click();
    await page.getByText("Event sent again: the new delivery is at the top of the deliveries below.").waitFor();
    expect(new URL(page.url()).pathname).toBe(endpointPath);
    const [, again] = await receivedAtLeast(2);
    expect(JSON.parse(again!.body)).toMatchObject({ id: event.id, type: "student.created" });
    await reloadUntil(page, async () => (await deliveryRows(page, "student.created", "Delivered").count()) === 2, "the replay to show as delivered");
    await deliveryRows(page, "student.created", "replayed").waitFor();

    // A test event.
    await page.getByRole("button", { name: "Send a test event" }).click();
    await page.getByText("Test event sent: it is at the top of the deliveries below.").waitFor();
    await reloadUntil(page, async () => (await deliveryRows(page, "ping", "Delivered").count()) === 1, "the test event to show as delivered");
    expect(JSON.parse((await receivedAtLeast(3))[2]!.body)).toMatchObject({ type: "ping" });

    // Off, then on again.
    await page.getByRole("button", { name: "Turn off" }).click();
    await page.getByText("Endpoint turned off: no events are sent to it until you turn it back on.").waitFor();
    await page.getByText("Turned off", { exact: true }).first().waitFor();
    await expect(page.getByRole("button", { name: "Send a test event" }).count()).resolves.toBe(0);
    await sessions.expectAccessible(page);
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByText("Endpoint turned on: new events are sent to it again.").waitFor();
    await page.getByRole("button", { name: "Send a test event" }).waitFor();

    // Changing it: a private address is refused under its field; a new description is saved.
    const edit = page.locator("form", { has: page.getByRole("button", { name: "Save endpoint" }) });
    await edit.getByLabel("Endpoint URL").fill("http://10.0.0.1/x");
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await edit.getByText(/^Use a public address/).waitFor();
    await expect(edit.getByLabel("Endpoint URL").inputValue()).resolves.toBe("http://10.0.0.1/x");
    await edit.getByLabel("Endpoint URL").fill(receiverUrl);
    await edit.getByLabel("Description").fill("CRM");
    await edit.getByRole("checkbox", { name: /lead\.created/ }).check();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await page.getByText("Endpoint saved.").waitFor();
    await page.getByRole("heading", { name: "CRM", level: 1 }).waitFor();
    await expect(edit.getByRole("checkbox", { name: /lead\.created/ }).isChecked()).resolves.toBe(true);

    // A new secret, shown once, after a confirmation.
    await page.getByRole("link", { name: "Roll secret" }).click();
    await page.getByRole("heading", { name: "Roll the signing secret?" }).waitFor();
    await sessions.expectAccessible(page);
    await page.getByRole("button", { name: "Roll secret and show the new one" }).click();
    await page.getByText("Copy it now: it is not shown again.").waitFor();
    const rolled = await page.getByLabel(`Signing secret for ${receiverUrl}`).inputValue();
    expect(rolled).toMatch(/^whsec_/);
    expect(rolled).not.toBe(secret);

    // Deleted, after a confirmation.
    await page.goto(`${site.webUrl}${endpointPath}`);
    await page.getByRole("link", { name: "Delete endpoint" }).click();
    await page.getByRole("heading", { name: `Delete the endpoint for ${receiverUrl}?` }).waitFor();
    await page.getByRole("button", { name: "Delete this endpoint" }).click();
    await page.getByText("Endpoint deleted: no more events are sent to it.").waitFor();
    expect(new URL(page.url()).pathname).toBe(`${base}/settings/webhooks`);
    await page.getByRole("heading", { name: "No webhook endpoints yet" }).waitFor();
    const gone = await page.goto(`${site.webUrl}${endpointPath}`);
    expect(gone?.status()).toBe(404);
  });

  it("an admin has no tab for webhooks, and the pages say only the owner manages them", async () => {
    const made = await expectStatus(
      "endpoint",
      ownerHosting.v1.studios[":studioId"]["webhook-endpoints"].$post({ param: { studioId }, json: { url: receiverUrl, events: ["lead.created"] } }),
      201,
    );
    const { id: endpointId } = await made.json();

    const page = await sessions.signIn(adminEmail, `${base}/settings/members`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Usage and billing" }).waitFor();
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).count()).resolves.toBe(0);

    const answer = await page.goto(`${site.webUrl}${base}/settings/webhooks`);
    expect(answer?.status()).toBe(403);
    await page.getByText("Only the studio's owner can manage webhooks.").waitFor();
    await expect(page.getByRole("button", { name: "Add endpoint" }).count()).resolves.toBe(0);
    await sessions.expectAccessible(page);

    const endpointPage = await page.goto(`${site.webUrl}${base}/settings/webhooks/${endpointId}`);
    expect(endpointPage?.status()).toBe(403);
    await page.getByText("Only the studio's owner can manage webhooks.").waitFor();
    await expect(page.content()).resolves.not.toContain(receiverUrl);
  });

  it("an endpoint turned off for failing: the owners' email opens its page, which says so; turned back on, the missed event is replayed", async () => {
    let failing = true;
    const broken = await openReceiver(() => (failing ? 500 : 200));
    const made = await expectStatus(
      "endpoint",
      ownerHosting.v1.studios[":studioId"]["webhook-endpoints"].$post({
        param: { studioId },
        json: { url: broken.url, description: "Books", events: ["student.created"] },
      }),
      201,
    );
    const { id: endpointId } = await made.json();
    const param = { studioId, endpointId };
    await expectStatus("student", owner.v1.studios[":studioId"].students.$post({ param: { studioId }, json: { firstName: "Fay", lastName: "Fail" } }), 201);
    await receivedAtLeast(1, broken.received);

    // The first attempt failed; the retries are made as the retry job would make them, a day compressed.
    let deliveryId = "";
    const until = Date.now() + 30_000;
    while (!deliveryId) {
      const listed = await (await ownerHosting.v1.studios[":studioId"]["webhook-endpoints"][":endpointId"].deliveries.$get({ param, query: {} })).json();
      const first = "items" in listed ? listed.items[0] : undefined;
      if (first?.status === "pending" && first.attempts === 1) deliveryId = first.id;
      else if (Date.now() > until) throw new Error(`The failed first attempt wasn't recorded: ${JSON.stringify(listed)}`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const key = { studioId, endpointId, deliveryId };
    const { data } = await webhooksDb().entities.webhookDelivery.get(key).go({ consistent: true });
    const firstAt = Date.parse(data!.firstAttemptAt!);
    for (const offset of RETRY_OFFSETS_MS) expect(await attemptDelivery(key, { now: new Date(firstAt + offset + 1_000) })).toMatch(/retrying|failed/);

    // The email's link is the endpoint's page.
    const link = await emailedLink(ownerEmail, `${base}/settings/webhooks/${endpointId}`);
    expect(new URL(link).pathname).toBe(`${base}/settings/webhooks/${endpointId}`);
    const page = await sessions.signIn(ownerEmail, `${base}/settings/webhooks`);
    await page.getByRole("row", { name: broken.url }).getByText("Turned off: failing for a day").waitFor();
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    await page.getByRole("heading", { name: "Books", level: 1 }).waitFor();
    await page.getByText("Deliveries failed for a day, so StudioSync turned this endpoint off.").waitFor();
    await deliveryRows(page, "student.created", "Failed").getByText("HTTP 500").waitFor();
    await sessions.expectAccessible(page);

    // Off: the failed delivery can't be replayed yet.
    await deliveryRows(page, "student.created", "Failed").getByRole("link", { name: "student.created" }).click();
    await page.getByRole("heading", { name: "Delivery of student.created" }).waitFor();
    await expect(page.getByRole("region", { name: "The delivery's attempts" }).getByRole("row").filter({ hasText: "HTTP 500" }).count()).resolves.toBe(
      RETRY_OFFSETS_MS.length + 1,
    );
    await expect(page.getByRole("region", { name: "The receiver's last answer" }).innerText()).resolves.toBe("receiver broken");
    await page.getByText("The endpoint is turned off, so this event can't be replayed").waitFor();
    await expect(page.getByRole("button", { name: "Replay" }).count()).resolves.toBe(0);
    await sessions.expectAccessible(page);

    // Fixed and back on: the missed event is replayed.
    failing = false;
    await page.getByRole("link", { name: "turn the endpoint on" }).click();
    await page.getByRole("button", { name: "Turn it back on" }).click();
    await page.getByText("Endpoint turned on: new events are sent to it again.").waitFor();
    await expect(page.getByText("Deliveries failed for a day, so StudioSync turned this endpoint off.").count()).resolves.toBe(0);
    await page.getByRole("navigation", { name: "Deliveries by status" }).getByRole("link", { name: "Failed" }).click();
    await deliveryRows(page, "student.created", "Failed").getByRole("link", { name: "student.created" }).click();
    await page.getByRole("button", { name: "Replay" }).click();
    await page.getByText("Event sent again: the new delivery is at the top of the deliveries below.").waitFor();
    await reloadUntil(page, async () => (await deliveryRows(page, "student.created", "Delivered").count()) === 1, "the replay to be delivered");
    expect(broken.received).toHaveLength(RETRY_OFFSETS_MS.length + 2);
  });
});
