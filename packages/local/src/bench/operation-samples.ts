import { api, type World } from "@studiosync/functions/testing";
import { LOCAL_PLATFORM_DOMAIN } from "@studiosync/core/domains";
import { setPlatformOperator } from "@studiosync/core/operators";

/** One request to an operation, made as `token` in the matrix world (support/matrix-world.ts). */
export interface Sample {
  path: string;
  token?: string;
  body?: unknown;
}

/** The platform operators' console as the matrix world's owner, made an operator (as `npm run operator` would) for it. */
const asOperator = async (w: World, path: string): Promise<Sample> => {
  await setPlatformOperator(w.owner.email, true, "cli:bench");
  return { path, token: w.owner.accessToken };
};

/**
 * Operations outside the permission matrix (public and account routes) that the bench calls in the
 * matrix world: its owner, slug and family F are all they need.
 */
export const ACCOUNT_SAMPLES: Record<string, (w: World) => Sample | Promise<Sample>> = {
  "PATCH /v1/me": (w) => ({ path: "/v1/me", token: w.owner.accessToken, body: { name: "Bench Owner" } }),
  "GET /v1/me/sessions": (w) => ({ path: "/v1/me/sessions", token: w.owner.accessToken }),
  "POST /v1/me/notifications/read": (w) => ({ path: "/v1/me/notifications/read", token: w.owner.accessToken, body: { all: true } }),
  "GET /v1/me/preferences": (w) => ({ path: "/v1/me/preferences", token: w.owner.accessToken }),
  "PUT /v1/me/preferences": (w) => ({
    path: "/v1/me/preferences",
    token: w.owner.accessToken,
    body: { studioId: w.studioId, preferences: { messages: { email: "digest" } } },
  }),
  "POST /v1/auth/resend-verification": (w) => ({ path: "/v1/auth/resend-verification", body: { email: w.owner.email } }),
  // A sign-in of its own, so the world's sessions stay open.
  "POST /v1/auth/logout": async (w) => {
    const login = await api("POST", "/v1/auth/login", { body: { email: w.owner.email, password: w.owner.password } });
    return { path: "/v1/auth/logout", body: { refreshToken: login.body.refreshToken } };
  },
  // A feed's address (its secret token) is shown once, when the feed is made: family F's, by its parent.
  "GET /v1/calendar/{token}.ics": async (w) => {
    const feed = await api("POST", `/v1/studios/${w.studioId}/calendar-feeds`, {
      token: w.tokens.parentOwn,
      body: { subjectType: "family", subjectId: w.familyF },
    });
    return { path: new URL(feed.body.url).pathname };
  },
  // The site's lookup of a request's Host: here the studio's own subdomain of the platform's domain.
  "GET /v1/public/domains/{hostname}": (w) => ({ path: `/v1/public/domains/${w.slug}.${LOCAL_PLATFORM_DOMAIN}` }),
  "GET /v1/public/studios/{slug}/teachers": (w) => ({ path: `/v1/public/studios/${w.slug}/teachers` }),
  "GET /v1/public/studios/{slug}/resources": (w) => ({ path: `/v1/public/studios/${w.slug}/resources` }),
  "GET /v1/public/studios/{slug}/offerings": (w) => ({ path: `/v1/public/studios/${w.slug}/offerings` }),
  "GET /v1/public/studios/{slug}/courses": (w) => ({ path: `/v1/public/studios/${w.slug}/courses` }),
  "GET /v1/public/events/{slug}": (w) => ({ path: `/v1/public/events/${w.slug}` }),
  // Teacher A on the public page: their profile and 14 days of trial slots.
  "GET /v1/public/studios/{slug}/teachers/{teacherId}": async (w) => {
    await api("PATCH", `/v1/studios/${w.studioId}/teachers/${w.teacherA}`, { token: w.owner.accessToken, body: { isPublic: true } });
    return { path: `/v1/public/studios/${w.slug}/teachers/${w.teacherA}` };
  },
  "POST /v1/public/studios/{slug}/enquiries": (w) => ({
    path: `/v1/public/studios/${w.slug}/enquiries`,
    body: {
      student: { firstName: "Bench", lastName: "Pupil" },
      contact: { name: "Bench Parent", email: `bench-enquirer-${Date.now().toString(36)}@example.test` },
    },
  }),
  "GET /v1/platform/me": (w) => asOperator(w, "/v1/platform/me"),
  "GET /v1/platform/studios": (w) => asOperator(w, "/v1/platform/studios?limit=25"),
  "GET /v1/platform/studios/{studioId}": (w) => asOperator(w, `/v1/platform/studios/${w.studioId}`),
  "GET /v1/platform/invoices/{month}": (w) => asOperator(w, `/v1/platform/invoices/${new Date().toISOString().slice(0, 7)}`),
  "GET /v1/platform/audit": (w) => asOperator(w, "/v1/platform/audit"),
  "POST /v1/public/studios/{slug}/access-requests": (w) => ({
    path: `/v1/public/studios/${w.slug}/access-requests`,
    body: { email: `bench-asker-${Date.now().toString(36)}@example.test`, firstName: "Ask", lastName: "Er", role: "teacher" },
  }),
};

const FROM_MAIL = "needs a single-use token only an email carries";

/**
 * Operations the bench does not call, and why. The permission matrix's rows, the account samples
 * above and the hand-written scenarios (scenarios.ts) cover every other one; the coverage check
 * (operation-coverage.ts) fails when an operation is in none of them.
 */
export const NOT_SAMPLED: Record<string, string> = {
  "POST /v1/auth/reset-password": FROM_MAIL,
  "POST /v1/auth/reset-password/check": FROM_MAIL,
  "POST /v1/auth/confirm-email-change": FROM_MAIL,
  "POST /v1/me/password": "ends the matrix world's other sign-ins",
  "POST /v1/me/email": "sends a confirmation link; changes nothing until confirm-email-change",
  "DELETE /v1/me/sessions/{sessionId}": "ends a sign-in, whose id only GET /v1/me/sessions names",
  "GET /v1/public/unsubscribe/{token}": FROM_MAIL,
  "POST /v1/public/unsubscribe/{token}": FROM_MAIL,
  "POST /v1/public/unsubscribe/{token}/resubscribe": FROM_MAIL,
  "GET /v1/public/invitations/{token}": FROM_MAIL,
  "POST /v1/public/invitations/accept": FROM_MAIL,
  "GET /v1/public/invoices/{token}": FROM_MAIL,
  "POST /v1/public/invoices/{token}/checkout": `${FROM_MAIL}, and calls Stripe`,
  "POST /v1/public/invoices/{token}/card": `${FROM_MAIL}, and calls Stripe (autopay.test.ts)`,
  "POST /v1/public/invoices/{token}/card/complete": `${FROM_MAIL}, and a card saved on Stripe's page (autopay.test.ts)`,
  "DELETE /v1/public/invoices/{token}/card": `${FROM_MAIL}, and a saved card (autopay.test.ts)`,
  "POST /v1/webhooks/stripe": "needs an event signed with the Stripe webhook secret",
  "POST /v1/platform/studios/{studioId}/suspend": "would make the bench world's studio read-only; a repeat is a 409 (operators.test.ts)",
  "POST /v1/platform/studios/{studioId}/unsuspend": "needs a suspended studio; a repeat is a 409 (operators.test.ts)",
  "GET /v1/public/privacy-exports/{token}": FROM_MAIL,
  "POST /v1/public/lesson-links/cancel/{token}": FROM_MAIL,
  "POST /v1/public/lesson-links/move/{token}": FROM_MAIL,
  "POST /v1/public/lesson-links/makeup/{token}": FROM_MAIL,
  "POST /v1/public/lesson-links/claim/{token}": FROM_MAIL,
  "GET /v1/public/materials/{token}": FROM_MAIL,
  "GET /v1/public/trial-bookings/{token}": FROM_MAIL,
  "POST /v1/public/trial-bookings/{token}/cancel": FROM_MAIL,
  "GET /v1/public/class-offers/{token}": FROM_MAIL,
  "POST /v1/public/class-offers/{token}/claim": FROM_MAIL,
  "POST /v1/public/class-offers/{token}/decline": FROM_MAIL,
  "GET /v1/public/events/links/{token}": FROM_MAIL,
  "POST /v1/public/events/links/{token}/rsvp": FROM_MAIL,
  "GET /v1/public/events/{slug}/{eventId}": "needs a public event (the slug's query and one GetItem; events.test.ts)",
  "GET /v1/public/events/{slug}/{eventId}/attachments/{index}":
    "needs a public event with a file (the slug's query, one GetItem and a presign; events.test.ts)",
  "POST /v1/public/events/{slug}/{eventId}/rsvps":
    "needs a public event, and each answer takes seats (the slug's query, two counters, two consistent reads, one transaction; events.test.ts)",
  "POST /v1/public/studios/{slug}/trial-bookings":
    "takes one of a public teacher's free slots, which a repeated sample would use up (one transaction after the slug query, two reads and the lead query; trial-bookings.test.ts)",
  "GET /v1/public/materials/{token}/{resourceId}/download": FROM_MAIL,
  "GET /v1/public/studios/{slug}/resources/{resourceId}/download":
    "needs a resource an admin shared on the public page (the slug's query and one GetItem; resources.test.ts)",
};
