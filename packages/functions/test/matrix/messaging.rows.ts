import { api } from "../support/api";
import { ADMINS, adminOnly, MEMBERS, NON_ADMINS, s, type ActorName, type RowModule, type World } from "./rows";

/** Who takes part in thread T1 (teacher A with family F and the studio): admins (as the studio), teacher A, F's parent. */
const IN_T1: ActorName[] = [...ADMINS, "teacherOwn", "parentOwn"];

/** Thread T1, started by teacher A with family F and the studio, its first message carrying a file. */
async function threadT1(w: World) {
  const token = w.tokens.teacherOwn!;
  const upload = await api("POST", s(w, "/threads/uploads"), { token, body: { name: "scales.txt", contentType: "text/plain", size: 6 } });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const put = await fetch(upload.body.url, { method: "PUT", headers: upload.body.headers, body: "scales" });
  if (!put.ok) throw new Error(`PUT upload: ${put.status}`);
  const started = await api("POST", s(w, "/threads"), {
    token,
    body: {
      subject: "Matrix thread",
      body: "Hello",
      to: [{ kind: "family", id: w.familyF }, { kind: "studio" }],
      attachments: [{ uploadKey: upload.body.uploadKey, name: "scales.txt" }],
    },
  });
  if (started.status !== 201) throw new Error(`thread: ${started.status} ${JSON.stringify(started.body)}`);
  const announced = await api("POST", s(w, "/announcements"), { token: w.tokens.owner!, body: announcement(w) });
  if (announced.status !== 201) throw new Error(`announcement: ${announced.status} ${JSON.stringify(announced.body)}`);
  return { threadT1: started.body.id as string, messageM1: started.body.messages[0].id as string, announcementA1: announced.body.id as string };
}

/** An announcement to family F, in the app only (A1: sent at once). */
const announcement = (w: World, extra: Record<string, unknown> = {}) => ({
  subject: "Matrix news",
  body: "Hello families",
  audience: { kind: "list", people: [{ kind: "family", id: w.familyF }] },
  email: false,
  ...extra,
});

async function draft(w: World) {
  const made = await api("POST", s(w, "/announcements"), { token: w.tokens.owner!, body: announcement(w, { draft: true }) });
  if (made.status !== 201) throw new Error(`draft: ${made.status} ${JSON.stringify(made.body)}`);
  return { id: made.body.id as string };
}

export const messagingRows: RowModule = {
  prepare: threadT1,
  rows: {
    "GET /v1/studios/{studioId}/threads": {
      action: "thread.oversee",
      allow: ADMINS,
      forbid: NON_ADMINS,
      path: (w) => s(w, "/threads?inbox=all"),
    },
    // Everyone with a record here writes to the studio (owners and admins, who are the studio, leave a note to the office).
    "POST /v1/studios/{studioId}/threads": {
      action: "thread.start",
      allow: MEMBERS,
      path: (w) => s(w, "/threads"),
      body: () => ({ subject: "To the office", body: "Hello", to: [{ kind: "studio" }] }),
    },
    "GET /v1/studios/{studioId}/thread-recipients": { action: "thread.start", allow: MEMBERS, path: (w) => s(w, "/thread-recipients") },
    "POST /v1/studios/{studioId}/threads/uploads": {
      action: "thread.start",
      allow: MEMBERS,
      path: (w) => s(w, "/threads/uploads"),
      body: () => ({ name: "notes.pdf", contentType: "application/pdf", size: 1000 }),
    },
    "GET /v1/studios/{studioId}/threads/{threadId}": { action: "thread.view", allow: IN_T1, path: (w) => s(w, `/threads/${w.extra.threadT1}`) },
    "POST /v1/studios/{studioId}/threads/{threadId}/messages": {
      action: "thread.view",
      allow: IN_T1,
      path: (w) => s(w, `/threads/${w.extra.threadT1}/messages`),
      body: () => ({ body: "An answer" }),
    },
    "PUT /v1/studios/{studioId}/threads/{threadId}/archived": {
      action: "thread.view",
      allow: IN_T1,
      path: (w) => s(w, `/threads/${w.extra.threadT1}/archived`),
      body: () => ({ archived: false }),
    },
    "GET /v1/studios/{studioId}/threads/{threadId}/messages/{messageId}/attachments/{index}": {
      action: "thread.view",
      allow: IN_T1,
      path: (w) => s(w, `/threads/${w.extra.threadT1}/messages/${w.extra.messageM1}/attachments/0`),
    },
    // Everyone lists what was sent to them; the studio's own list is its owners' and admins'.
    "GET /v1/studios/{studioId}/announcements": adminOnly({ action: "announcement.manage", path: (w) => s(w, "/announcements?box=sent") }),
    "POST /v1/studios/{studioId}/announcements": adminOnly({
      action: "announcement.manage",
      path: (w) => s(w, "/announcements"),
      body: (w) => announcement(w, { draft: true }),
    }),
    "POST /v1/studios/{studioId}/announcements/preview": adminOnly({
      action: "announcement.manage",
      path: (w) => s(w, "/announcements/preview"),
      body: (w) => announcement(w),
    }),
    "POST /v1/studios/{studioId}/announcements/test": adminOnly({
      action: "announcement.manage",
      path: (w) => s(w, "/announcements/test"),
      body: (w) => announcement(w),
    }),
    // Its senders see it whole; family F's parent, to whom it was sent, their copy; anyone else nothing.
    "GET /v1/studios/{studioId}/announcements/{announcementId}": {
      action: "announcement.manage",
      allow: [...ADMINS, "parentOwn"],
      path: (w) => s(w, `/announcements/${w.extra.announcementA1}`),
    },
    "PUT /v1/studios/{studioId}/announcements/{announcementId}": adminOnly({
      action: "announcement.manage",
      path: (w, t) => s(w, `/announcements/${t}`),
      body: (w) => announcement(w, { draft: true }),
      target: (w) => w.extra.announcementA1!,
      fresh: draft,
    }),
    "DELETE /v1/studios/{studioId}/announcements/{announcementId}": adminOnly({
      action: "announcement.manage",
      path: (w, t) => s(w, `/announcements/${t}`),
      target: (w) => w.extra.announcementA1!,
      fresh: draft,
    }),
  },
};
