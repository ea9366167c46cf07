import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, dbCost, linkToken, ownerWithStudio, signUpBody, uniqueEmail, uniqueSlug } from "./support/api";

describe("POST /v1/auth/signup", () => {
  it("creates the owner and the studio, and emails a verification link", async () => {
    const body = signUpBody({ studioName: "Riverside Strings" });
    const res = await api("POST", "/v1/auth/signup", { body });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ email: body.email.toLowerCase() });
    // One batched read (login, counters, slug), the counter and the creating transaction.
    expect(dbCost(res.headers).calls).toBe(3);
    const studio = await api("GET", `/v1/public/studios/${body.slug}`);
    expect(studio.body).toMatchObject({ name: "Riverside Strings", slug: body.slug, timeZone: "America/New_York" });

    const [mail] = await readMail(body.email, { subject: "Confirm your email" });
    expect(mail!.body.text).toContain("Riverside Strings");
    expect(mail!.body.text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/verify-email\?token=/);
    expect(mail!.body.html).toContain("Confirm my email");
  });

  it("refuses sign-in until the email is verified, then lets the owner in", async () => {
    const body = signUpBody();
    await api("POST", "/v1/auth/signup", { body });
    const early = await api("POST", "/v1/auth/login", { body: { email: body.email, password: body.password } });
    expect(early.status).toBe(403);
    expect(early.body.type).toMatch(/email_not_verified$/);

    const verified = await api("POST", "/v1/auth/verify-email", { body: { token: await linkToken(body.email, "/verify-email") } });
    expect(verified).toMatchObject({ status: 200, body: { emailVerified: true } });
    const login = await api("POST", "/v1/auth/login", { body: { email: body.email.toUpperCase(), password: body.password } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
  });

  it("derives a slug from the studio name and makes it unique", async () => {
    const name = `Blue Note ${uniqueSlug("x")}`;
    const first = await ownerWithStudio({ slug: undefined, studioName: name });
    const second = await ownerWithStudio({ slug: undefined, studioName: name });
    expect(first.studio.slug).toBe(name.toLowerCase().replace(/ /g, "-"));
    expect(second.studio.slug).toMatch(new RegExp(`^${first.studio.slug}-[0-9a-f]{6}$`));
  });

  it("rejects a taken slug and writes nothing", async () => {
    const first = signUpBody();
    await api("POST", "/v1/auth/signup", { body: first });
    const email = uniqueEmail();
    const taken = await api("POST", "/v1/auth/signup", { body: signUpBody({ email, slug: first.slug.toUpperCase() }) });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].path).toBe("slug");
    // The user of the refused sign-up was not created: the email can still sign up.
    expect((await api("POST", "/v1/auth/signup", { body: signUpBody({ email }) })).status).toBe(202);
    expect(await readMail(email, { subject: "Confirm your email" })).toHaveLength(1);
  });

  it.each([
    ["missing fields", {}, ["email", "password", "name", "studioName", "timeZone", "currency"]],
    ["a bad email", { email: "not-an-email" }, ["email"]],
    ["a short password", { password: "short" }, ["password"]],
    ["an oversized name", { name: "x".repeat(121) }, ["name"]],
    ["a reserved slug", { slug: "dashboard" }, ["slug"]],
    ["a malformed slug", { slug: "Hello World!" }, ["slug"]],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, ["timeZone"]],
    ["an unknown currency", { currency: "XYZ" }, ["currency"]],
  ])("answers 422 naming each bad field for %s", async (_label, override, paths) => {
    const body = Object.keys(override).length ? signUpBody(override) : {};
    const res = await api("POST", "/v1/auth/signup", { body });
    expect(res.status).toBe(422);
    expect(res.headers.get("Content-Type")).toContain("application/problem+json");
    expect(res.body).toMatchObject({ status: 422, title: "Validation failed", code: "validation_failed" });
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
  });

  it("answers 400 to malformed JSON and 413 to an oversized body", async () => {
    const malformed = await api("POST", "/v1/auth/signup", { rawBody: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe("urn:studiosync:problem:malformed_request");
    const huge = await api("POST", "/v1/auth/signup", { body: signUpBody({ name: "x".repeat(70_000) }) });
    expect(huge.status).toBe(413);
  });

  it("replays a retry with the same Idempotency-Key instead of signing up twice", async () => {
    const body = signUpBody();
    const headers = { "Idempotency-Key": `signup-${body.slug}` };
    const first = await api("POST", "/v1/auth/signup", { body, headers });
    const retry = await api("POST", "/v1/auth/signup", { body, headers });
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const other = await api("POST", "/v1/auth/signup", { body: { ...body, name: "Someone Else" }, headers });
    // An anonymous caller's key is bound to the exact request (issue 10 #9): another request under
    // the same key is a request of its own, never a replay of the first one's answer.
    expect(other.status).toBe(409);
    expect(other.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await readMail(body.email, { count: 1 })).toHaveLength(1);
  });
});
