import { describe, expect, it } from "vitest";
import { awaitMail, extractLink, readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const login = async (email: string, password: string, userAgent?: string) => {
  const res = await api("POST", "/v1/auth/login", { body: { email, password }, headers: userAgent ? { "User-Agent": userAgent } : {} });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
};
const me = (token: string) => api("GET", "/v1/me", { token });
const refresh = (refreshToken: string) => api("POST", "/v1/auth/refresh", { body: { refreshToken } });
const NEW_PASSWORD = "a completely new passphrase";

/** The token of the email-change link sent to `to`. */
const changeLinkToken = (to: string) =>
  awaitMail(to, (mail) =>
    mail.subject.includes("Confirm your new email")
      ? new URL(extractLink(mail.body.text ?? "", "/account/email/confirm")).searchParams.get("token")!
      : undefined,
  );

describe("account settings (/v1/me)", { timeout: 90_000 }, () => {
  it("changes name and phone, clears the phone, and refuses bad input with the field named", async () => {
    const owner = await ownerWithStudio();
    const saved = await api("PATCH", "/v1/me", { token: owner.accessToken, body: { name: "Ada Lovelace", phone: "+44 20 7946 0000" } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: "Ada Lovelace", phone: "+44 20 7946 0000", email: owner.email });
    expect((await me(owner.accessToken)).body.user).toMatchObject({ name: "Ada Lovelace", phone: "+44 20 7946 0000" });
    expect((await api("PATCH", "/v1/me", { token: owner.accessToken, body: { phone: null } })).body.phone).toBeNull();

    const bad = await api("PATCH", "/v1/me", { token: owner.accessToken, body: { name: "", phone: "call me" } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["name", "phone"]);
    expect((await api("PATCH", "/v1/me", { body: { name: "X" } })).status).toBe(401);
  });

  it("changes the password: other devices end at once, this one carries on with its new tokens", async () => {
    const owner = await ownerWithStudio();
    const laptop = await login(owner.email, owner.password);
    const wrong = await api("POST", "/v1/me/password", { token: owner.accessToken, body: { currentPassword: "not my password", newPassword: NEW_PASSWORD } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ path: "currentPassword", message: "is not your current password" }]);
    const short = await api("POST", "/v1/me/password", { token: owner.accessToken, body: { currentPassword: owner.password, newPassword: "short" } });
    expect(short.status).toBe(422);
    expect(short.body.errors[0].path).toBe("newPassword");

    const changed = await api("POST", "/v1/me/password", { token: owner.accessToken, body: { currentPassword: owner.password, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    expect((await me(laptop.accessToken)).status).toBe(401);
    expect((await refresh(laptop.refreshToken)).status).toBe(401);
    expect((await refresh(owner.refreshToken)).status).toBe(401);
    expect((await me(changed.body.accessToken)).status).toBe(200);
    expect((await refresh(changed.body.refreshToken)).status).toBe(200);

    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } })).status).toBe(401);
    await login(owner.email, NEW_PASSWORD);
    expect(await readMail(owner.email, { subject: "password was changed" })).toHaveLength(1);
  });

  it("changes the email only when the link sent to the new address is opened; the old address gets a notice", async () => {
    const owner = await ownerWithStudio();
    const newEmail = uniqueEmail("moved").toLowerCase();
    const wrong = await api("POST", "/v1/me/email", { token: owner.accessToken, body: { email: newEmail, currentPassword: "nope nope nope" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe("currentPassword");
    const bad = await api("POST", "/v1/me/email", { token: owner.accessToken, body: { email: "not-an-address", currentPassword: owner.password } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("email");

    expect((await api("POST", "/v1/me/email", { token: owner.accessToken, body: { email: newEmail, currentPassword: owner.password } })).status).toBe(202);
    const notice = await readMail(owner.email, { subject: "about to change" });
    expect(notice[0]!.body.text).toContain(newEmail);
    expect((await me(owner.accessToken)).body.user.email).toBe(owner.email);

    const token = await changeLinkToken(newEmail);
    const confirmed = await api("POST", "/v1/auth/confirm-email-change", { body: { token } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ email: newEmail });
    expect((await api("POST", "/v1/auth/confirm-email-change", { body: { token } })).body.detail).toMatch(/already been used/);

    // Every sign-in belonged to the old address: it ends; the new address signs in, the old one does not.
    expect((await me(owner.accessToken)).status).toBe(401);
    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } })).status).toBe(401);
    const again = await login(newEmail, owner.password);
    expect((await me(again.accessToken)).body.user).toMatchObject({ email: newEmail, emailVerified: true });
  });

  it("refuses an address another account uses without saying so to the requester", async () => {
    const [owner, other] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
    const res = await api("POST", "/v1/me/email", { token: owner.accessToken, body: { email: other.email, currentPassword: owner.password } });
    expect(res.status).toBe(202);
    const taken = await readMail(other.email, { subject: "Someone tried to move an account" });
    expect(taken[0]!.body.text).not.toContain(owner.email);
    await expect(readMail(other.email, { subject: "Confirm your new email", timeoutMs: 500 })).rejects.toThrow(/got 0/);
    await expect(readMail(owner.email, { subject: "about to change", timeoutMs: 500 })).rejects.toThrow(/got 0/);
    expect((await api("POST", "/v1/me/email", { token: owner.accessToken, body: { email: owner.email, currentPassword: owner.password } })).status).toBe(422);
  });

  it("caps email-change mail per recipient", async () => {
    const owner: Owner = await ownerWithStudio();
    const target = uniqueEmail("capped");
    for (let i = 0; i < 6; i++) {
      expect((await api("POST", "/v1/me/email", { token: owner.accessToken, body: { email: target, currentPassword: owner.password } })).status).toBe(202);
    }
    expect(await readMail(target, { subject: "Confirm your new email", count: 5 })).toHaveLength(5);
    await expect(readMail(target, { subject: "Confirm your new email", count: 6, timeoutMs: 500 })).rejects.toThrow(/got 5/);
  });

  it("lists devices and signs one out: its refresh token and access token stop at once", async () => {
    const owner = await ownerWithStudio();
    const phone = await login(owner.email, owner.password, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1");
    const list = await api("GET", "/v1/me/sessions", { token: phone.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    const current = list.body.sessions.find((s: { current: boolean }) => s.current);
    expect(current.userAgent).toMatch(/iPhone/);
    const laptop = list.body.sessions.find((s: { current: boolean }) => !s.current);

    // Another person's sign-in is not found.
    const stranger = await ownerWithStudio();
    expect((await api("DELETE", `/v1/me/sessions/${laptop.id}`, { token: stranger.accessToken })).status).toBe(404);

    expect((await api("DELETE", `/v1/me/sessions/${laptop.id}`, { token: phone.accessToken })).status).toBe(204);
    expect((await me(owner.accessToken)).status).toBe(401);
    expect((await refresh(owner.refreshToken)).status).toBe(401);
    expect((await api("DELETE", `/v1/me/sessions/${laptop.id}`, { token: phone.accessToken })).status).toBe(404);
    expect((await api("GET", "/v1/me/sessions", { token: phone.accessToken })).body.sessions).toHaveLength(1);
    expect((await me(phone.accessToken)).status).toBe(200);
  });
});
