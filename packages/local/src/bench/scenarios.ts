import type { NewOwner, Owner, Session, SignUpBody } from "./fixtures";
import { defineScenario, type AnyScenario } from "./scenario";
import { billingListScenarios } from "./billing-lists";
import { lessonLinkScenarios } from "./lesson-links";
import { leadBoardScenarios } from "./lead-board";
import { inboxScenarios } from "./inbox";
import { notificationCentreScenarios } from "./notification-centre";
import { resourceListScenarios } from "./resource-lists";
import { schedulingCalendarScenarios } from "./scheduling-calendar";
import { seedStudents } from "./seed-students";

/**
 * The hot routes `npm run bench` times (latency and cost over many requests). Every other
 * operation of the API is called once for its cost (sample-operations.ts), so a new route needs
 * an entry here only to time it: give it the state it needs in `setup`/`prepare` (untimed) and
 * describe the one request to time in `request`.
 */
type SignedIn = Owner & Session;
const auth = (owner: SignedIn) => ({ token: owner.accessToken });

/** The first page of a studio's students: the cost must not grow with the size of the studio. */
function listStudents(studioSize: number) {
  return defineScenario<SignedIn>({
    name: `GET /v1/studios/{studioId}/students?limit=25 (${studioSize.toLocaleString("en")} students)`,
    expectStatus: 200,
    setup: async (fixtures) => {
      const owner = await fixtures.signedInOwner();
      await seedStudents(owner.studioId, studioSize);
      return owner;
    },
    request: (owner) => ({ path: `/v1/studios/${owner.studioId}/students?limit=25`, ...auth(owner) }),
  });
}

/** A read route of a studio with a record or two in it, called by its owner. */
function ownerRead(name: string, seed: (create: (path: string, body: unknown) => Promise<string>, studio: string) => Promise<string>) {
  return defineScenario<{ owner: SignedIn; path: string }>({
    name,
    expectStatus: 200,
    setup: async (fixtures) => {
      const owner = await fixtures.signedInOwner();
      const studio = `/v1/studios/${owner.studioId}`;
      const create = async (path: string, body: unknown) =>
        (await fixtures.expectJson<{ id: string }>({ method: "POST", path: `${studio}${path}`, body, ...auth(owner) }, 201)).id;
      return { owner, path: await seed(create, studio) };
    },
    request: ({ owner, path }) => ({ path, ...auth(owner) }),
  });
}

const peopleReads = [
  ownerRead("GET /v1/studios/{studioId}/teachers", async (create, studio) => {
    await create("/teachers", { firstName: "Ada", lastName: "Keys" });
    return `${studio}/teachers`;
  }),
  ownerRead("GET /v1/studios/{studioId}/students/{studentId}", async (create, studio) => {
    const teacherId = await create("/teachers", { firstName: "Ada", lastName: "Keys" });
    return `${studio}/students/${await create("/students", { firstName: "Ben", lastName: "Bow", primaryTeacherId: teacherId })}`;
  }),
  ownerRead("GET /v1/studios/{studioId}/families/{familyId}", async (create, studio) => {
    const familyId = await create("/families", { name: "The Okafors" });
    await create(`/families/${familyId}/guardians`, { firstName: "Ife", lastName: "Okafor", relationship: "mother" });
    await create("/students", { firstName: "Tolu", lastName: "Okafor", familyId });
    return `${studio}/families/${familyId}`;
  }),
  ownerRead("GET /v1/studios/{studioId}/bands", async (create, studio) => {
    await create("/bands", { name: "The Quavers" });
    return `${studio}/bands`;
  }),
  ownerRead("GET /v1/studios/{studioId}/members", async (_, studio) => `${studio}/members`),
  ownerRead("GET /v1/studios/{studioId}/invitations", async (create, studio) => {
    await create("/invitations", { email: `invitee-${Date.now()}@example.test`, role: "admin" });
    return `${studio}/invitations`;
  }),
  ownerRead("GET /v1/studios/{studioId}/audit-events", async (create, studio) => {
    await create("/teachers", { firstName: "Ada", lastName: "Keys" });
    return `${studio}/audit-events`;
  }),
];

/** Forgot-password, with or without an Idempotency-Key (recorded in the route's own transaction). */
function forgotPassword({ withKey }: { withKey: boolean }) {
  return defineScenario<NewOwner[]>({
    name: `POST /v1/auth/forgot-password${withKey ? " (Idempotency-Key)" : ""}`,
    expectStatus: 202,
    // At most 5 reset links per email and hour: spread the iterations over enough accounts.
    setup: async (fixtures, iterations) => {
      const owners: NewOwner[] = [];
      for (let i = 0; i < Math.ceil(iterations / 4); i++) owners.push(await fixtures.signUp());
      return owners;
    },
    request: (owners, _, i) => ({
      method: "POST",
      path: "/v1/auth/forgot-password",
      body: { email: owners[i % owners.length]!.email },
      ...(withKey ? { headers: { "Idempotency-Key": `bench-forgot-${i}` } } : {}),
    }),
  });
}

export const scenarios: AnyScenario[] = [
  defineScenario<undefined, SignUpBody>({
    name: "POST /v1/auth/signup",
    expectStatus: 202,
    prepare: async (fixtures) => fixtures.signUpBody(),
    request: (_, body) => ({ method: "POST", path: "/v1/auth/signup", body }),
  }),
  defineScenario<undefined, SignUpBody>({
    name: "POST /v1/auth/signup (Idempotency-Key)",
    expectStatus: 202,
    prepare: async (fixtures) => fixtures.signUpBody(),
    request: (_, body) => ({ method: "POST", path: "/v1/auth/signup", body, headers: { "Idempotency-Key": `bench-${body.slug}` } }),
  }),
  defineScenario<undefined, string>({
    name: "POST /v1/auth/verify-email",
    expectStatus: 200,
    // Each token is single use, so every iteration signs up a new user and reads its email.
    prepare: async (fixtures) => {
      const since = Math.floor(Date.now() / 1000) - 1;
      const owner = await fixtures.signUp();
      return fixtures.verificationToken(owner.email, since);
    },
    request: (_, token) => ({ method: "POST", path: "/v1/auth/verify-email", body: { token } }),
  }),
  defineScenario<NewOwner>({
    name: "POST /v1/auth/login",
    expectStatus: 200,
    setup: (fixtures) => fixtures.verifiedOwner(),
    request: (owner) => ({ method: "POST", path: "/v1/auth/login", body: { email: owner.email, password: owner.password } }),
  }),
  defineScenario<{ refreshToken: string }>({
    name: "POST /v1/auth/refresh",
    expectStatus: 200,
    // A refresh token is used up by its refresh: chain each response's token into the next call.
    setup: async (fixtures) => ({ refreshToken: (await fixtures.signedInOwner()).refreshToken }),
    request: (state) => ({ method: "POST", path: "/v1/auth/refresh", body: { refreshToken: state.refreshToken } }),
    after: (body, state) => {
      state.refreshToken = (body as Session).refreshToken;
    },
  }),
  forgotPassword({ withKey: false }),
  forgotPassword({ withKey: true }),
  defineScenario<SignedIn>({
    name: "GET /v1/me",
    expectStatus: 200,
    setup: (fixtures) => fixtures.signedInOwner(),
    request: (owner) => ({ path: "/v1/me", ...auth(owner) }),
  }),
  defineScenario<SignedIn>({
    name: "GET /v1/studios/{studioId}",
    expectStatus: 200,
    setup: (fixtures) => fixtures.signedInOwner(),
    request: (owner) => ({ path: `/v1/studios/${owner.studioId}`, ...auth(owner) }),
  }),
  defineScenario<SignedIn>({
    name: "PATCH /v1/studios/{studioId}",
    expectStatus: 200,
    setup: (fixtures) => fixtures.signedInOwner(),
    request: (owner, _, i) => ({
      method: "PATCH",
      path: `/v1/studios/${owner.studioId}`,
      body: { description: `Lessons for every age, edition ${i}`, themeColor: i % 2 ? "#4f46e5" : "#0f766e" },
      ...auth(owner),
    }),
  }),
  defineScenario<SignedIn>({
    name: "POST /v1/studios/{studioId}/logo-upload",
    expectStatus: 200,
    setup: (fixtures) => fixtures.signedInOwner(),
    request: (owner) => ({
      method: "POST",
      path: `/v1/studios/${owner.studioId}/logo-upload`,
      body: { contentType: "image/png", contentLength: 24_576 },
      ...auth(owner),
    }),
  }),
  defineScenario<NewOwner>({
    name: "GET /v1/public/studios/{slug}",
    expectStatus: 200,
    setup: (fixtures) => fixtures.signUp(),
    request: (owner) => ({ path: `/v1/public/studios/${owner.slug}` }),
  }),
  listStudents(50),
  listStudents(5000),
  ...peopleReads,
  ...schedulingCalendarScenarios,
  ...billingListScenarios,
  ...resourceListScenarios,
  ...leadBoardScenarios,
  ...inboxScenarios,
  ...notificationCentreScenarios,
  ...lessonLinkScenarios,
];
