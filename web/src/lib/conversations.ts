import type { AstroGlobal } from "astro";
import type { Recipient, ThreadView } from "@studiosync/core/messaging";
import { messagingApi, type MessagingClient } from "./api";
import type { AnyResponse } from "./call";
import { field } from "./form";
import { fieldErrors, problemMessage, type FieldErrors } from "./problem";
import { asUserOf, type SessionContext } from "./session";
import { loginRedirect } from "./workspace";

/**
 * The conversations' pages (workspace and portal): their own typed client, the list and thread
 * links, and a message's files — uploaded by this site's server on a presigned PUT, never through
 * the API, then named in the message.
 */
export const asMessaging = <R extends AnyResponse>(ctx: SessionContext, send: (client: MessagingClient) => Promise<R>) => asUserOf(ctx, messagingApi, send);

export const threadsHref = (base: string, query = "") => `${base}/messages${query}`;
export const threadHref = (base: string, threadId: string) => `${base}/messages/${encodeURIComponent(threadId)}`;
export const fileHref = (base: string, threadId: string, messageId: string, index: number) =>
  `${threadHref(base, threadId)}/files/${encodeURIComponent(messageId)}/${index}`;

/** At most this many files a message; each at most 10 MB (the API checks the stored bytes too). */
export const MAX_FILES = 10;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The files a form posted (empty file inputs send a nameless empty part: skipped). */
export const postedFiles = (form: FormData, name = "files") => form.getAll(name).filter((f): f is File => f instanceof File && f.size > 0 && f.name !== "");

export type Uploaded = { ok: true; attachments: { uploadKey: string; name: string }[] } | { ok: false; signedOut?: true; message: string };

/** Uploads the posted files (presigned PUT each), ready to name as `attachments`. */
export async function uploadFiles(ctx: SessionContext, studioId: string, files: File[]): Promise<Uploaded> {
  if (files.length > MAX_FILES) return { ok: false, message: `Attach at most ${MAX_FILES} files.` };
  const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
  if (tooBig) return { ok: false, message: `“${tooBig.name}” is larger than 10 MB.` };
  const attachments: { uploadKey: string; name: string }[] = [];
  for (const file of files) {
    const contentType = file.type || "application/octet-stream";
    const slot = await asMessaging(ctx, (c) =>
      c.v1.studios[":studioId"].threads.uploads.$post({ param: { studioId }, json: { name: file.name, contentType, size: file.size } }),
    );
    if (!slot) return { ok: false, signedOut: true, message: "Your session has ended." };
    if (!slot.ok) return { ok: false, message: problemMessage(slot.problem) };
    const put = await fetch(slot.data.url, { method: "PUT", headers: slot.data.headers, body: Buffer.from(await file.arrayBuffer()) });
    if (!put.ok) return { ok: false, message: `“${file.name}” could not be stored; try again.` };
    attachments.push({ uploadKey: slot.data.uploadKey, name: file.name });
  }
  return { ok: true, attachments };
}

/** A reply form's outcome: the message's words kept on a refusal, with what went wrong. */
export interface ReplyState {
  body: string;
  errors: FieldErrors;
  message?: string;
}

/** Posts the reply a thread page's form sent; `ok` when it is in the thread. */
export async function postReply(
  ctx: SessionContext,
  studioId: string,
  threadId: string,
  form: FormData,
): Promise<{ ok: true } | { ok: false; signedOut?: true; status: number; state: ReplyState }> {
  const body = field(form, "body");
  if (!body) return { ok: false, status: 422, state: { body, errors: { body: "Write a message first." } } };
  const uploaded = await uploadFiles(ctx, studioId, postedFiles(form));
  if (!uploaded.ok)
    return { ok: false, ...(uploaded.signedOut ? { signedOut: true as const } : {}), status: 422, state: { body, errors: { files: uploaded.message } } };
  const posted = await asMessaging(ctx, (c) =>
    c.v1.studios[":studioId"].threads[":threadId"].messages.$post({ param: { studioId, threadId }, json: { body, attachments: uploaded.attachments } }),
  );
  if (!posted) return { ok: false, signedOut: true, status: 401, state: { body, errors: {} } };
  if (posted.ok) return { ok: true };
  if (posted.status >= 500) throw new Error(`POST messages answered ${posted.status}`);
  return {
    ok: false,
    status: posted.status,
    state: { body, errors: fieldErrors(posted.problem), message: problemMessage(posted.problem, ["body", "attachments"]) },
  };
}

/** "12 KB", "3.4 MB" */
export function sizeWords(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type Folder = "inbox" | "archived";

/** One page of an inbox for a page: `inbox` names it when the page knows whose (else the caller's own). */
export async function loadInbox(ctx: SessionContext, studioId: string, options: { folder: Folder; inbox?: string; with?: string; cursor?: string }) {
  return asMessaging(ctx, (c) =>
    c.v1.studios[":studioId"].threads.$get({
      param: { studioId },
      query: {
        folder: options.folder,
        ...(options.inbox ? { inbox: options.inbox } : {}),
        ...(options.with ? { with: options.with } : {}),
        ...(options.cursor ? { cursor: options.cursor } : {}),
      },
    }),
  );
}

/** Whose inbox a workspace member reads by default: the studio's (owners, admins) or their own teacher record's. */
export const staffInbox = (ws: { isAdmin: boolean; teacherId: string | null }) =>
  ws.isAdmin ? "studio" : ws.teacherId ? `teacher:${ws.teacherId}` : undefined;

export type ThreadAction = { done: "sent" | "archived" | "restored" } | { signedOut: true } | { status: number; state: ReplyState };

/**
 * What a thread page's POST asked: a reply (words and files) or filing the thread (archive, or back
 * to the inbox).
 */
export async function threadAction(ctx: SessionContext, studioId: string, threadId: string, request: Request): Promise<ThreadAction> {
  const form = await request.formData().catch(() => new FormData());
  const intent = field(form, "intent");
  if (intent === "archive" || intent === "restore") {
    const filed = await asMessaging(ctx, (c) =>
      c.v1.studios[":studioId"].threads[":threadId"].archived.$put({ param: { studioId, threadId }, json: { archived: intent === "archive" } }),
    );
    if (!filed) return { signedOut: true };
    if (filed.ok) return { done: intent === "archive" ? "archived" : "restored" };
    if (filed.status >= 500) throw new Error(`PUT archived answered ${filed.status}`);
    return { status: filed.status, state: { body: "", errors: {}, message: problemMessage(filed.problem) } };
  }
  const posted = await postReply(ctx, studioId, threadId, form);
  if (posted.ok) return { done: "sent" };
  if (posted.signedOut) return { signedOut: true };
  return { status: posted.status, state: posted.state };
}

export const THREAD_SAVED: Record<string, string> = {
  sent: "Sent. Everyone in the conversation is emailed in a few minutes unless they read it here first.",
  started: "The conversation is started. Everyone in it is emailed in a few minutes and can answer by replying to the email.",
  archived: "Archived. A new message brings it back to your inbox.",
  restored: "Back in your inbox.",
};

/** The recipients a New conversation form chose (`to` values `studio`, `teacher:<id>`, `student:<id>`, `family:<id>`; `group` `band:<id>` or `class:<id>`). */
export function chosenRecipients(form: FormData) {
  const to = form
    .getAll("to")
    .filter((v): v is string => typeof v === "string" && v !== "")
    .flatMap((value): Recipient[] => {
      const [kind, id] = value.split(":");
      if (kind === "studio") return [{ kind: "studio" as const }];
      if ((kind === "teacher" || kind === "student" || kind === "family") && id) return [{ kind, id }];
      return [];
    });
  const [groupKind, groupId] = field(form, "group").split(":");
  const group: { kind: "band" | "class"; id: string } | undefined =
    (groupKind === "band" || groupKind === "class") && groupId ? { kind: groupKind, id: groupId } : undefined;
  return { to, group };
}

export interface StartState {
  subject: string;
  body: string;
  chosen: string[];
  group: string;
  errors: FieldErrors;
  message?: string;
}

/** Starts a conversation from a New conversation form; the new thread's id, or the form's state with what went wrong. */
export async function startFromForm(
  ctx: SessionContext,
  studioId: string,
  request: Request,
): Promise<{ threadId: string } | { signedOut: true } | { status: number; state: StartState }> {
  const form = await request.formData().catch(() => new FormData());
  const { to, group } = chosenRecipients(form);
  const state: StartState = {
    subject: field(form, "subject"),
    body: field(form, "body"),
    chosen: form.getAll("to").filter((v): v is string => typeof v === "string"),
    group: field(form, "group"),
    errors: {},
  };
  const studentId = field(form, "studentId") || undefined;
  if (!state.subject) state.errors.subject = "Give the conversation a subject.";
  if (!state.body) state.errors.body = "Write a message first.";
  if (to.length === 0 && !group) state.errors.to = "Choose whom to write to.";
  if (Object.keys(state.errors).length) return { status: 422, state };
  const uploaded = await uploadFiles(ctx, studioId, postedFiles(form));
  if (!uploaded.ok) return uploaded.signedOut ? { signedOut: true } : { status: 422, state: { ...state, errors: { files: uploaded.message } } };
  const started = await asMessaging(ctx, (c) =>
    c.v1.studios[":studioId"].threads.$post({
      param: { studioId },
      json: {
        subject: state.subject,
        body: state.body,
        to,
        ...(group ? { group } : {}),
        ...(studentId ? { studentId } : {}),
        attachments: uploaded.attachments,
      },
    }),
  );
  if (!started) return { signedOut: true };
  if (started.ok) return { threadId: started.data.id };
  if (started.status >= 500) throw new Error(`POST threads answered ${started.status}`);
  const errors = fieldErrors(started.problem);
  // A refused recipient is named by its place in `to`: say it on the recipients.
  for (const key of Object.keys(errors)) if (key.startsWith("to.") || key.startsWith("group")) errors.to = errors[key]!;
  return {
    status: started.status,
    state: { ...state, errors, message: problemMessage(started.problem, ["subject", "body", "to", "group", "group.id", "studentId", "attachments"]) },
  };
}

/**
 * A message's file (GET …/messages/<thread>/files/<message>/<index>, in the workspace and the
 * portal): a redirect to a short-lived download link for whoever may read the thread; the link
 * itself is never on a page.
 */
export async function fileRedirect(
  ctx: SessionContext & { params: Record<string, string | undefined>; redirect(path: string, status?: 301 | 302 | 303 | 307 | 308): Response },
) {
  const { studioId = "", threadId = "", messageId = "", index = "" } = ctx.params;
  if (!/^\d$/.test(index)) return new Response("Not found", { status: 404 });
  const link = await asMessaging(ctx, (c) =>
    c.v1.studios[":studioId"].threads[":threadId"].messages[":messageId"].attachments[":index"].$get({ param: { studioId, threadId, messageId, index } }),
  );
  if (!link) return ctx.redirect(`/login?next=${encodeURIComponent(ctx.url.pathname)}`, 303);
  if (!link.ok) return new Response("Not found", { status: link.status >= 500 ? 503 : 404 });
  return ctx.redirect(link.data.url, 303);
}

/**
 * A conversation's page (workspace and portal): its POST acted on first (a reply or filing: a
 * redirect to the page with a confirmation, or the form's state with what went wrong), then the
 * thread read, which marks it read. A Response when the page answers with something else
 * (sign-in, redirect, 404).
 */
export async function threadPage(
  astro: AstroGlobal,
  studioId: string,
  threadId: string,
): Promise<Response | { thread: ThreadView; state?: ReplyState; saved?: string }> {
  let state: ReplyState | undefined;
  if (astro.request.method === "POST") {
    const done = await threadAction(astro, studioId, threadId, astro.request);
    if ("signedOut" in done) return loginRedirect(astro);
    if ("done" in done) return astro.redirect(`${astro.url.pathname}?saved=${done.done}`, 303);
    astro.response.status = done.status;
    state = done.state;
  }
  const loaded = await asMessaging(astro, (c) => c.v1.studios[":studioId"].threads[":threadId"].$get({ param: { studioId, threadId }, query: {} }));
  if (!loaded) return loginRedirect(astro);
  if (!loaded.ok) {
    if (loaded.status >= 500) throw new Error(`GET thread answered ${loaded.status}`);
    return astro.rewrite("/404");
  }
  const saved = astro.request.method === "GET" ? THREAD_SAVED[astro.url.searchParams.get("saved") ?? ""] : undefined;
  return { thread: loaded.data, ...(state ? { state } : {}), ...(saved ? { saved } : {}) };
}

/** The names of the other people in a thread, for its subtitle. */
export const othersIn = (thread: ThreadView) =>
  thread.participants
    .filter((p) => p.party !== thread.me)
    .map((p) => p.name)
    .join(", ");
