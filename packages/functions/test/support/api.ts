import { randomUUID } from "node:crypto";
import { createApp } from "../../src/app";
import { extractLink, readMail } from "@studiosync/local/testing";

const app = createApp();

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * One request through the real Hono app (in-process) against the local engines; `app`: another
 * instance, such as one with a set clock (`createApp({ clock })`).
 */
export async function api<T = any>(
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string>; ip?: string; app?: ReturnType<typeof createApp> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || options.rawBody !== undefined) headers["Content-Type"] ??= "application/json";
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  // `ip`: the socket address, as @hono/node-server (npm start) hands it to the app.
  const env = options.ip ? { incoming: { socket: { remoteAddress: options.ip } } } : undefined;
  const response = await (options.app ?? app).request(
    path,
    { method, headers, body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)) },
    env,
  );
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* HTML or empty */
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@Example.Test`;
export const uniqueSlug = (label = "studio") => `${label}-${randomUUID().slice(0, 8)}`;

export function signUpBody(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail("owner"),
    password: "correct horse battery",
    name: "Ada Owner",
    studioName: "Ada's Piano Studio",
    slug: uniqueSlug(),
    timeZone: "America/New_York",
    currency: "USD",
    ...overrides,
  };
}

/** The token in the newest link to `path` emailed to `email`. */
export async function linkToken(email: string, path: "/verify-email" | "/reset-password", count = 1) {
  const mails = await readMail(email, { count, subject: path === "/verify-email" ? "Confirm your email" : "Reset your" });
  const url = new URL(extractLink(mails[mails.length - 1]!.body.text ?? "", path));
  return url.searchParams.get("token")!;
}

/** A studio whose owner has verified the email and signed in. */
export async function ownerWithStudio(overrides: Record<string, unknown> = {}) {
  const body = signUpBody(overrides);
  const signup = await api("POST", "/v1/auth/signup", { body });
  if (signup.status !== 202) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  const token = await linkToken(body.email, "/verify-email");
  const verified = await api("POST", "/v1/auth/verify-email", { body: { token } });
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  const login = await api("POST", "/v1/auth/login", { body: { email: body.email, password: body.password } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  // Sign-up answers the same for every email (no ids): the studio comes from /v1/me.
  const me = await api("GET", "/v1/me", { token: login.body.accessToken });
  const membership = me.body.memberships.find((m: { role: string; studio: { slug: string } }) => m.role === "owner");
  return {
    email: body.email.toLowerCase(),
    password: body.password,
    studio: membership.studio as { id: string; slug: string; name: string },
    userId: login.body.user.id as string,
    accessToken: login.body.accessToken as string,
    refreshToken: login.body.refreshToken as string,
  };
}

/** Parses `Server-Timing: ddb;desc="calls=N rcu=X wcu=Y"`. */
export function dbCost(headers: Headers) {
  const match = /ddb;desc="calls=(\d+) rcu=([\d.]+) wcu=([\d.]+)"/.exec(headers.get("Server-Timing") ?? "");
  if (!match) throw new Error(`No ddb Server-Timing in: ${headers.get("Server-Timing")}`);
  return { calls: Number(match[1]), rcu: Number(match[2]), wcu: Number(match[3]) };
}
