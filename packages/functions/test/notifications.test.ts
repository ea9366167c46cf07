import { Notifications } from "@studiosync/core";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { memberWithRole } from "./support/members";

/** The token and path of an unsubscribe link. */
function linkFor(studioId: string, email: string, type: Notifications.NotificationType) {
  const path = new URL(Notifications.unsubscribePostUrl(studioId, email, type)).pathname;
  return { path, token: path.split("/").pop()! };
}

describe("notification preferences and one-click unsubscribe", { timeout: 60_000 }, () => {
  it("shows a link's subject without acting, unsubscribes by one-click POST (idempotent), resubscribes", async () => {
    const owner = await ownerWithStudio({ studioName: "Quiet Keys" });
    const email = uniqueEmail("family").toLowerCase();
    const { path, token } = linkFor(owner.studio.id, email, "reminders");

    for (let i = 0; i < 2; i++) {
      const view = await api("GET", path);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        email,
        type: "reminders",
        typeName: "Lesson reminders",
        subscribed: true,
        studio: { name: "Quiet Keys", slug: owner.studio.slug },
      });
    }
    const browser = await api("GET", path, { headers: { Accept: "text/html,application/xhtml+xml" } });
    expect(browser.status).toBe(303);
    expect(browser.headers.get("Location")).toBe(`http://127.0.0.1:4321/${owner.studio.slug}/unsubscribe/${token}`);
    expect(await Notifications.isOptedOut(owner.studio.id, email, "reminders")).toBe(false);

    for (let i = 0; i < 2; i++) {
      const res = await api("POST", path, { rawBody: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ type: "reminders", subscribed: false });
    }
    expect((await api("GET", path)).body.subscribed).toBe(false);
    expect(await Notifications.isOptedOut(owner.studio.id, email.toUpperCase(), "reminders")).toBe(true);
    expect([...(await Notifications.optedOutAmong(owner.studio.id, [email, uniqueEmail("other")], "reminders"))]).toEqual([email]);
    // Bound to its studio and type: the same address elsewhere, or for another type, still gets mail.
    const other = await ownerWithStudio();
    expect(await Notifications.isOptedOut(other.studio.id, email, "reminders")).toBe(false);
    expect(await Notifications.isOptedOut(owner.studio.id, email, "slot-offers")).toBe(false);

    expect((await api("POST", `${path}/resubscribe`)).body).toEqual({ type: "reminders", subscribed: true });
    expect(await Notifications.isOptedOut(owner.studio.id, email, "reminders")).toBe(false);
  });

  it("refuses tampered and foreign tokens", async () => {
    const owner = await ownerWithStudio();
    const { token } = linkFor(owner.studio.id, uniqueEmail(), "reminders");
    const [kid, payload, sig] = token.split(".");
    for (const bad of [`${kid}.${payload}.${sig!.slice(0, -2)}xx`, "not-a-token"]) {
      expect((await api("POST", `/v1/public/unsubscribe/${bad}`)).status).toBe(400);
      expect((await api("GET", `/v1/public/unsubscribe/${bad}`)).status).toBe(400);
    }
  });

  it("builds the headers of a non-essential email (RFC 8058)", () => {
    const headers = Notifications.unsubscribeHeaders("studio-1", "Ann@Example.Test", "slot-offers");
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:3000\/v1\/public\/unsubscribe\/[\w.-]+>$/);
    expect(Notifications.unsubscribeUrl({ studioId: "studio-1", slug: "ann-music" }, "ann@example.test", "slot-offers")).toMatch(
      /^http:\/\/127\.0\.0\.1:4321\/ann-music\/unsubscribe\/[\w.-]+$/,
    );
  });

  it("lets a signed-in member turn types on and off for their own address, the same choices as the links", async () => {
    const owner = await ownerWithStudio();
    const parent = await memberWithRole(owner, "parent");
    const url = `/v1/studios/${owner.studio.id}/me/notifications`;
    const initial = await api("GET", url, { token: parent.accessToken });
    expect(initial.status).toBe(200);
    expect(initial.body.email).toBe(parent.email);
    expect(initial.body.preferences.map((p: { type: string; subscribed: boolean }) => [p.type, p.subscribed])).toEqual([
      ["reminders", true],
      ["slot-offers", true],
      ["calendar-invites", true],
      ["materials", true],
      ["messages", true],
      ["announcements", true],
      ["events", true],
    ]);

    const saved = await api("PUT", url, { token: parent.accessToken, body: { reminders: false, "calendar-invites": false } });
    expect(saved.status).toBe(200);
    expect(saved.body.preferences.map((p: { subscribed: boolean }) => p.subscribed)).toEqual([false, true, false, true, true, true, true]);
    expect(await Notifications.isOptedOut(owner.studio.id, parent.email, "reminders")).toBe(true);
    // The email's link sees (and undoes) the same choice.
    const { path } = linkFor(owner.studio.id, parent.email, "reminders");
    expect((await api("GET", path)).body.subscribed).toBe(false);
    await api("POST", `${path}/resubscribe`);
    expect((await api("GET", url, { token: parent.accessToken })).body.preferences[0].subscribed).toBe(true);

    const bad = await api("PUT", url, { token: parent.accessToken, body: { reminders: "no", invoices: false } });
    expect(bad.status).toBe(422);
    expect((await api("GET", `/v1/studios/${parent.ownStudioId}x/me/notifications`, { token: parent.accessToken })).status).toBe(404);
    expect((await api("GET", url)).status).toBe(401);
  });
});
