import { randomInt, randomUUID } from "node:crypto";
import { signVisitorIp, VISITOR_IP_HEADER, VISITOR_IP_SIGNATURE_HEADER } from "@studiosync/core/rate-limit";
import type { AppType } from "@studiosync/functions";
import { extractLink, readMail } from "@studiosync/local/testing";
import { hc } from "hono/client";
import { solidPng } from "./png";

export const PASSWORD = "correct horse battery staple";

/** A unique email and slug per call: the SES store and the table are shared by the whole run. */
export function uniqueOwner(label: string) {
  const id = randomUUID().slice(0, 8);
  return { email: `${label}-${id}@example.com`, slug: `${label}-${id}` };
}

/**
 * Sign-ups are limited per visitor address, and every test reaches the API from 127.0.0.1: each
 * seeded studio signs up from an address of its own, signed as the site signs the ones it forwards.
 */
export function ownVisitorAddress(): Record<string, string> {
  const secret = process.env.APP_SECRET;
  if (!secret) throw new Error("APP_SECRET must be set (the test setup sets it)");
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  return { [VISITOR_IP_HEADER]: ip, [VISITOR_IP_SIGNATURE_HEADER]: signVisitorIp(ip, secret) };
}

/** The newest emailed link to `pathPrefix` ("/verify-email", "/reset-password") sent to `email`. */
export async function emailedLink(email: string, pathPrefix: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = (await readMail(email)).reverse();
    for (const mail of mails) {
      try {
        return extractLink(mail.body.text ?? mail.body.html ?? "", pathPrefix);
      } catch {
        // not this one
      }
    }
    if (Date.now() > deadline) throw new Error(`No email to ${email} with a link to ${pathPrefix}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const verificationLink = (email: string) => emailedLink(email, "/verify-email");

/** Awaits an API call, fails loudly unless it answered `status`, and narrows the body type to it. */
export async function expectStatus<R extends { status: number; text(): Promise<string> }, S extends R["status"]>(
  what: string,
  request: Promise<R>,
  status: S,
): Promise<Extract<R, { status: S }>> {
  const res = await request;
  if (res.status !== status) throw new Error(`${what} answered ${res.status} (expected ${status}): ${await res.text()}`);
  return res as Extract<R, { status: S }>;
}

export const BRANDING = {
  description: "Piano, violin and voice lessons for all ages in the heart of Bristol.",
  website: "https://riverside-music.example.com",
  email: "hello@riverside-music.example.com",
  phone: "+44 117 496 0123",
  address: "12 Quay Street",
  city: "Bristol",
  state: "Avon",
  postalCode: "BS1 4DJ",
  country: "GB",
  themeColor: "#0f766e",
} as const;

/** A verified owner with a branded studio and an uploaded logo, made through the API alone. */
export async function seedStudio(apiUrl: string, studioName = "Riverside Music") {
  const api = hc<AppType>(apiUrl);
  const { email, slug } = uniqueOwner("seed");
  const signup = await expectStatus(
    "signup",
    api.v1.auth.signup.$post(
      {
        header: {},
        json: { email, password: PASSWORD, name: "Ada Owner", studioName, slug, timeZone: "Europe/London", currency: "GBP" },
      },
      { headers: ownVisitorAddress() },
    ),
    202,
  );
  await signup.json();
  const token = new URL(await verificationLink(email)).searchParams.get("token")!;
  await expectStatus("verify-email", api.v1.auth["verify-email"].$post({ json: { token } }), 200);
  const login = await expectStatus("login", api.v1.auth.login.$post({ json: { email, password: PASSWORD } }), 200);
  const { accessToken } = await login.json();

  const owner = hc<AppType>(apiUrl, { headers: { authorization: `Bearer ${accessToken}` } });
  const me = await (await expectStatus("me", owner.v1.me.$get(), 200)).json();
  const studio = me.memberships[0]!.studio;
  const param = { studioId: studio.id };
  await expectStatus("patch branding", owner.v1.studios[":studioId"].$patch({ param, json: BRANDING }), 200);
  const png = solidPng(48, 48, [245, 158, 11]);
  const uploadRes = await expectStatus(
    "logo-upload",
    owner.v1.studios[":studioId"]["logo-upload"].$post({
      param,
      json: { contentType: "image/png", contentLength: png.byteLength },
    }),
    200,
  );
  const upload = await uploadRes.json();
  const put = await fetch(upload.uploadUrl, { method: "PUT", headers: upload.headers, body: png });
  if (!put.ok) throw new Error(`PUT logo answered ${put.status}: ${await put.text()}`);
  await expectStatus("patch logoKey", owner.v1.studios[":studioId"].$patch({ param, json: { logoKey: upload.key } }), 200);
  return { email, slug, studioName, studioId: studio.id };
}

/** Accepts the emailed invitation of `email` through the API, making their login. */
export async function acceptInvitation(apiUrl: string, email: string, name: string): Promise<void> {
  const token = new URL(await emailedLink(email, "/invitations/accept")).searchParams.get("token")!;
  await expectStatus("accept", hc<AppType>(apiUrl).v1.public.invitations.accept.$post({ json: { token, name, password: PASSWORD } }), 200);
}

/**
 * A family of the studio with a guardian who signs in (invited as its parent, the invitation
 * accepted with PASSWORD) and their child, made through the owner's API client.
 */
export async function seedFamilyWithParent(
  apiUrl: string,
  owner: ReturnType<typeof hc<AppType>>,
  studioId: string,
  family: { surname: string; parent: string; child: string; email: string },
) {
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  const made = await (await expectStatus("family", s.families.$post({ param, json: { name: `The ${family.surname}s` } }), 201)).json();
  const guardian = await (
    await expectStatus(
      "guardian",
      s.families[":familyId"].guardians.$post({
        param: { studioId, familyId: made.id },
        json: { firstName: family.parent, lastName: family.surname, relationship: "mother", email: family.email },
      }),
      201,
    )
  ).json();
  await expectStatus("student", s.students.$post({ param, json: { firstName: family.child, lastName: family.surname, familyId: made.id } }), 201);
  await expectStatus(
    "invite parent",
    s.invitations.$post({ param, header: {}, json: { email: family.email, role: "parent", familyId: made.id, guardianId: guardian.id } as never }),
    201,
  );
  await acceptInvitation(apiUrl, family.email, `${family.parent} ${family.surname}`);
}
