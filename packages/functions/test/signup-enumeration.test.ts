import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, signUpBody, uniqueSlug } from "./support/api";

const signUp = (body: Record<string, unknown>, ip?: string) => api("POST", "/v1/auth/signup", { body, ip });

describe("issue 10 #5: sign-up does not reveal which emails have an account", () => {
  it("answers a new and an existing email the same way, and emails the existing owner instead", async () => {
    const owner = await ownerWithStudio();
    const fresh = signUpBody();
    const existing = signUpBody({ email: owner.email.toUpperCase() });

    const [forNew, forExisting] = [await signUp(fresh), await signUp(existing)];
    expect(forNew.status).toBe(202);
    expect(forExisting.status).toBe(forNew.status);
    expect(forExisting.headers.get("Content-Type")).toBe(forNew.headers.get("Content-Type"));
    expect(Object.keys(forExisting.body)).toEqual(Object.keys(forNew.body));
    expect(forNew.body).toEqual({ email: fresh.email.toLowerCase() });
    expect(forExisting.body).toEqual({ email: owner.email });

    // The owner hears about it, with the way back in; nothing the form carried is in the email.
    const [notice] = await readMail(owner.email, { subject: "Someone tried to sign up" });
    expect(notice!.body.text).toMatch(/\/login/);
    expect(notice!.body.text).toMatch(/\/forgot-password/);
    expect(notice!.body.text).not.toContain(existing.studioName as string);
    // Nothing was created: the existing-email sign-up's slug is still free, the owner's password unchanged.
    expect((await api("GET", `/v1/public/studios/${existing.slug}`)).status).toBe(404);
    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } })).status).toBe(200);
  });

  it("answers a taken slug with the same 409 whether or not the email exists", async () => {
    const owner = await ownerWithStudio();
    const takenSlug = owner.studio.slug;
    const forNew = await signUp(signUpBody({ slug: takenSlug }));
    const forExisting = await signUp(signUpBody({ email: owner.email, slug: takenSlug }));
    expect(forNew.status).toBe(409);
    expect(forExisting.status).toBe(409);
    expect(forExisting.body.errors).toEqual(forNew.body.errors);
    expect(forExisting.body.errors[0].path).toBe("slug");
  });

  it("caps the emails one address can be sent by sign-up attempts", async () => {
    const owner = await ownerWithStudio();
    for (let i = 0; i < 7; i++) expect((await signUp(signUpBody({ email: owner.email, slug: uniqueSlug() }))).status).toBe(202);
    // Five sign-up emails per address and hour: the owner's own verification email was the first.
    expect(await readMail(owner.email, { subject: "Someone tried to sign up", count: 4 })).toHaveLength(4);
    await expect(readMail(owner.email, { subject: "Someone tried to sign up", count: 5, timeoutMs: 500 })).rejects.toThrow(/got 4/);
  });

  it("rate-limits sign-ups per IP with a 429 and Retry-After", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 20; i++) expect((await signUp(signUpBody(), ip)).status).toBe(202);
    const limited = await signUp(signUpBody(), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signUp(signUpBody(), "198.51.100.0")).status).toBe(202);
  }, 60_000);
});
