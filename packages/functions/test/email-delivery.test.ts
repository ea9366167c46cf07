import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EmailDelivery } from "@studiosync/core";
import { handler as sesEvents } from "../src/jobs/ses-events";
import { readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio } from "./support/api";
import { memberWithRole } from "./support/members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/** A mailbox simulator address of its own (SES local bounces or complains for it, as SES does). */
const simulator = (box: "bounce" | "complaint") => `${box}+${randomUUID().slice(0, 8)}@simulator.amazonses.com`;

const invite = (owner: Owner, email: string) =>
  api("POST", `/v1/studios/${owner.studio.id}/invitations`, { token: owner.accessToken, body: { email, role: "admin" } });

const undeliverable = (owner: Owner, emails: string[]) =>
  api("GET", `/v1/studios/${owner.studio.id}/email-delivery/undeliverable?emails=${encodeURIComponent(emails.join(","))}`, { token: owner.accessToken });

const problems = (owner: Owner, query = "") => api("GET", `/v1/studios/${owner.studio.id}/email-delivery/problems${query}`, { token: owner.accessToken });

/** Polls a read until `done` holds (the event goes SES local → relay → handler after the send). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sns = (message: unknown) => ({ Records: [{ Sns: { Message: typeof message === "string" ? message : JSON.stringify(message) } }] });

describe("issue 12: bounces and complaints", { timeout: 60_000 }, () => {
  it("a permanent bounce marks the address; the next email to it is not sent, and staff see why", async () => {
    const owner = await ownerWithStudio({ studioName: "Bouncy Keys" });
    const address = simulator("bounce");
    const invited = await invite(owner, address);
    expect(invited.status).toBe(201);
    await readMail(address, { subject: "Invitation to join" });

    const marked = await until(
      () => undeliverable(owner, [address, "someone-else@example.test"]),
      (res) => res.body.items?.length === 1,
    );
    expect(marked.body.items).toEqual([{ email: address, reason: "bounce", at: expect.any(String), detail: "smtp; 550 5.1.1 user unknown", retryable: true }]);
    // The message that bounced is listed for the studio's admins.
    const first = await until(
      () => problems(owner),
      (res) => res.body.items?.length === 1,
    );
    expect(first.body.items[0]).toMatchObject({ to: address, kind: "bounce", detail: "smtp; 550 5.1.1 user unknown" });
    expect(first.body.items[0].subject).toMatch(/Invitation to join/);

    // Every flow stops: a resent invitation is recorded undeliverable, not sent.
    const resent = await api("POST", `/v1/studios/${owner.studio.id}/invitations/${invited.body.id}/resend`, { token: owner.accessToken });
    expect(resent.status).toBe(200);
    const both = await until(
      () => problems(owner),
      (res) => res.body.items?.length === 2,
    );
    expect(both.body.items.map((p: { kind: string; to: string }) => [p.kind, p.to])).toEqual([
      ["bounce", address],
      ["bounce", address],
    ]);
    expect(Date.parse(both.body.items[0].at)).toBeGreaterThanOrEqual(Date.parse(both.body.items[1].at));
    expect(await readMail(address, { count: 0 })).toHaveLength(1);

    // Paginated, newest first.
    const page1 = await problems(owner, "?limit=1");
    expect(page1.body.items).toHaveLength(1);
    const page2 = await problems(owner, `?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0].messageId).not.toBe(page1.body.items[0].messageId);

    // Tenant isolation: another studio's owner gets 404 for this studio; in its own, nothing of
    // this studio's mail, and the address without the other studio's details.
    const other = await ownerWithStudio();
    expect((await api("GET", `/v1/studios/${owner.studio.id}/email-delivery/problems`, { token: other.accessToken })).status).toBe(404);
    expect((await problems(other)).body.items).toEqual([]);
    expect((await undeliverable(other, [address])).body.items).toEqual([
      { email: address, reason: "bounce", at: expect.any(String), detail: null, retryable: false },
    ]);
    // Teachers see a person's warnings but not the delivery list.
    const teacher = await memberWithRole(owner, "teacher");
    expect((await api("GET", `/v1/studios/${owner.studio.id}/email-delivery/problems`, { token: teacher.accessToken })).status).toBe(403);
    expect(
      (await api("GET", `/v1/studios/${owner.studio.id}/email-delivery/undeliverable?emails=${encodeURIComponent(address)}`, { token: teacher.accessToken }))
        .status,
    ).toBe(200);
  });

  it("a complaint marks the address too", async () => {
    const owner = await ownerWithStudio();
    const address = simulator("complaint");
    expect((await invite(owner, address)).status).toBe(201);
    const marked = await until(
      () => undeliverable(owner, [address.toUpperCase()]),
      (res) => res.body.items?.length === 1,
    );
    expect(marked.body.items[0]).toMatchObject({ email: address, reason: "complaint", detail: "abuse" });
    const listed = await until(
      () => problems(owner),
      (res) => res.body.items?.length === 1,
    );
    expect(listed.body.items[0]).toMatchObject({ to: address, kind: "complaint", detail: "abuse" });
  });

  it("a transient bounce marks nothing; junk is logged and skipped, never thrown", async () => {
    const owner = await ownerWithStudio();
    const address = `busy-${randomUUID().slice(0, 8)}@example.test`;
    const transient = {
      eventType: "Bounce",
      bounce: { bounceType: "Transient", bounceSubType: "MailboxFull", bouncedRecipients: [{ emailAddress: address }], timestamp: new Date().toISOString() },
      mail: { messageId: "x", timestamp: new Date().toISOString(), headers: [] },
    };
    expect(await sesEvents(sns(transient))).toEqual({ records: 1, marked: 0 });
    expect(await EmailDelivery.recordSesEvent(transient)).toEqual({ ignored: "Transient bounce" });
    expect((await undeliverable(owner, [address])).body.items).toEqual([]);

    for (const junk of [
      {},
      { Records: "x" },
      { Records: [{}] },
      sns("not json"),
      sns({ eventType: "Bounce" }),
      sns({ notificationType: "Delivery", mail: {} }),
      sns([1, 2]),
    ]) {
      await expect(sesEvents(junk as never)).resolves.toMatchObject({ marked: 0 });
    }

    // The older notification format (identity notifications) counts too, without our header.
    const legacy = {
      notificationType: "Bounce",
      bounce: { bounceType: "Permanent", bounceSubType: "General", bouncedRecipients: [{ emailAddress: ` ${address.toUpperCase()} ` }] },
      mail: {},
    };
    expect(await sesEvents(sns(legacy))).toEqual({ records: 1, marked: 1 });
    // SNS may deliver twice: the same record again changes nothing.
    expect(await sesEvents(sns(legacy))).toEqual({ records: 1, marked: 1 });
    expect((await undeliverable(owner, [address])).body.items).toEqual([
      { email: address, reason: "bounce", at: expect.any(String), detail: null, retryable: false },
    ]);
  });

  it("an admin may try a bounced address again (audited); not a complaint, nor another studio's bounce", async () => {
    const owner = await ownerWithStudio();
    const other = await ownerWithStudio();
    const [bounced, complained] = [simulator("bounce"), simulator("complaint")];
    const retry = (who: Owner, email: string) =>
      api("POST", `/v1/studios/${who.studio.id}/email-delivery/undeliverable/${encodeURIComponent(email)}/retry`, { token: who.accessToken });
    expect((await invite(owner, bounced)).status).toBe(201);
    expect((await invite(owner, complained)).status).toBe(201);
    const both = await until(
      () => undeliverable(owner, [bounced, complained]),
      (res) => res.body.items?.length === 2,
    );
    expect(Object.fromEntries(both.body.items.map((i: { email: string; retryable: boolean }) => [i.email, i.retryable]))).toEqual({
      [bounced]: true,
      [complained]: false,
    });
    expect((await undeliverable(other, [bounced])).body.items[0].retryable).toBe(false);

    expect((await retry(other, bounced)).status).toBe(404);
    const refused = await retry(owner, complained);
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "email" })]);

    const retried = await retry(owner, bounced.toUpperCase());
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ email: bounced });
    expect((await undeliverable(owner, [bounced])).body.items).toEqual([]);
    expect((await retry(owner, bounced)).status).toBe(404);
    const audit = await api("GET", `/v1/studios/${owner.studio.id}/audit-events?entityType=emailAddress&entityId=${encodeURIComponent(bounced)}`, {
      token: owner.accessToken,
    });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: "email_address.retried", entityId: bounced })]);
  });

  it("checks the addresses query", async () => {
    const owner = await ownerWithStudio();
    const many = Array.from({ length: 21 }, (_, i) => `a${i}@example.test`);
    expect((await undeliverable(owner, many)).status).toBe(422);
    expect((await api("GET", `/v1/studios/${owner.studio.id}/email-delivery/undeliverable?emails=`, { token: owner.accessToken })).status).toBe(422);
  });
});
