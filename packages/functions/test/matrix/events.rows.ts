import { api } from "../support/api";
import { ADMINS, adminOnly, MEMBERS, s, type RowModule, type World } from "./rows";

/** An event to all families (members only): students and parents see it, teachers do not. */
const event = (extra: Record<string, unknown> = {}) => ({
  title: "Matrix recital",
  kind: "recital",
  date: "2099-05-01",
  startTime: "18:00",
  endTime: "19:00",
  audience: { kind: "families" },
  visibility: "members",
  capacity: 100,
  maxGuests: 2,
  notify: false,
  ...extra,
});

/** A programme uploaded for E1 (presigned PUT). */
async function programme(w: World) {
  const upload = await api("POST", s(w, "/events/uploads"), {
    token: w.tokens.owner!,
    body: { name: "programme.pdf", contentType: "application/pdf", size: 8 },
  });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const put = await fetch(upload.body.url, { method: "PUT", headers: upload.body.headers, body: "%PDF-1.4" });
  if (!put.ok) throw new Error(`PUT upload: ${put.status}`);
  return upload.body.uploadKey as string;
}

async function made(w: World, extra: Record<string, unknown> = {}) {
  const res = await api("POST", s(w, "/events"), { token: w.tokens.owner!, body: event(extra) });
  if (res.status !== 201) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string };
}

/** Who sees event E1: admins, and (a families' event) every student and parent. */
const SEE_E1 = [...ADMINS, "studentSelf", "studentOther", "parentOwn", "parentOther"] as const;

export const eventRows: RowModule = {
  prepare: async (w) => ({ eventE1: (await made(w, { attachments: [{ uploadKey: await programme(w), name: "Programme.pdf" }] })).id }),
  rows: {
    "GET /v1/studios/{studioId}/events": { action: "event.view", allow: MEMBERS, path: (w) => s(w, "/events") },
    "POST /v1/studios/{studioId}/events": adminOnly({ action: "event.manage", path: (w) => s(w, "/events"), body: () => event() }),
    "GET /v1/studios/{studioId}/events/{eventId}": { action: "event.view", allow: [...SEE_E1], path: (w) => s(w, `/events/${w.extra.eventE1}`) },
    "PUT /v1/studios/{studioId}/events/{eventId}": adminOnly({
      action: "event.manage",
      path: (w, t) => s(w, `/events/${t}`),
      body: () => event({ title: "Matrix recital (moved)" }),
      target: (w) => w.extra.eventE1!,
    }),
    "DELETE /v1/studios/{studioId}/events/{eventId}": adminOnly({
      action: "event.manage",
      path: (w, t) => s(w, `/events/${t}`),
      target: (w) => w.extra.eventE1!,
      fresh: (w) => made(w),
    }),
    "POST /v1/studios/{studioId}/events/uploads": adminOnly({
      action: "event.manage",
      path: (w) => s(w, "/events/uploads"),
      body: () => ({ name: "map.png", contentType: "image/png", size: 1000 }),
    }),
    "GET /v1/studios/{studioId}/events/{eventId}/attachments/{index}": {
      action: "event.view",
      allow: [...SEE_E1],
      path: (w) => s(w, `/events/${w.extra.eventE1}/attachments/0`),
    },
    "GET /v1/studios/{studioId}/events/{eventId}/rsvps": adminOnly({ action: "event.manage", path: (w) => s(w, `/events/${w.extra.eventE1}/rsvps`) }),
    // S1 answers for themself, their parent for them; the other family sees the event but does not speak for S1.
    "PUT /v1/studios/{studioId}/events/{eventId}/rsvp": {
      action: "event.respond",
      allow: [...ADMINS, "studentSelf", "parentOwn"],
      forbid: ["studentOther", "parentOther"],
      path: (w) => s(w, `/events/${w.extra.eventE1}/rsvp`),
      body: (w) => ({ person: `student:${w.studentS1}`, answer: "yes", guests: 1 }),
    },
  },
};
