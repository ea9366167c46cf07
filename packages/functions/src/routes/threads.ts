import { createRoute, z } from "@hono/zod-openapi";
import * as Messaging from "@studiosync/core/messaging";
import { pathId, secured, studioParams } from "../http/route-params";
import { createRouter } from "../http/router";
import { jsonBody, jsonResponse, problems } from "../schemas/problem";

const tags = ["Conversations"];
const threadParams = studioParams.extend({ threadId: pathId("threadId") });
const fileParams = threadParams.extend({
  messageId: pathId("messageId"),
  // A digit, not a coerced number: Hono's typed client drops a path parameter of 0.
  index: z
    .string()
    .regex(/^[0-9]$/, "must be a file's place in the message, 0 to 9")
    .openapi({ param: { name: "index", in: "path" } }),
});

const listThreads = createRoute({
  method: "get",
  path: "/{studioId}/threads",
  tags,
  summary: "An inbox, newest activity first, with its number of threads with unread messages",
  description:
    "The caller's own inbox by default (a parent's, a student's, a teacher's; owners and admins: the studio's). Owners and admins may " +
    "name any participant's (`inbox=teacher:<id>`, `guardian:<familyId>:<guardianId>`, `student:<id>`, `studio`) or `all` for every " +
    "thread. `with` keeps the threads a participant takes part in. `folder=archived` lists what the inbox's owner archived.",
  ...secured,
  request: { params: studioParams, query: Messaging.listThreadsQuerySchema },
  responses: { 200: jsonResponse(Messaging.ThreadPageSchema, "One page of threads"), ...problems(401, 403, 404, 422) },
});

const startThread = createRoute({
  method: "post",
  path: "/{studioId}/threads",
  tags,
  summary: "Start a conversation with people (`to`) or a band's or class's members (`group`), with its first message",
  description:
    "Whom one may write to: owners and admins anyone (they write as the studio); teachers the studio, colleagues, their students and " +
    "those students' families; parents and students the studio, their family and their children's (their own) teachers. A family " +
    "means its guardians with a login or an address; a student takes part when they have either. Each recipient with an address is " +
    "emailed a few minutes later (a burst is one email) with a reply address of their own: replying posts into the thread.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Messaging.startThreadSchema.openapi("StartThreadRequest")) },
  responses: { 201: jsonResponse(Messaging.ThreadSchema, "The thread with its first message"), ...problems(401, 403, 404, 422) },
});

const recipientChoices = createRoute({
  method: "get",
  path: "/{studioId}/thread-recipients",
  tags,
  summary: "Whom the caller may start a conversation with, named (the New conversation form's choices)",
  description:
    "Owners and admins: teachers, students (with their family's id), families, bands and the classes still running (each list at most 200). " +
    "Teachers: colleagues, their students and those students' families, their classes. Parents and students: their (children's) teachers. " +
    "Everyone may write to the studio.",
  ...secured,
  request: { params: studioParams },
  responses: { 200: jsonResponse(Messaging.RecipientChoicesSchema, "The choices"), ...problems(401, 404) },
});

const getThread = createRoute({
  method: "get",
  path: "/{studioId}/threads/{threadId}",
  tags,
  summary: "A thread with a page of its messages (newest first); opening it marks it read for the caller",
  description: "Each message lists the other participants who have read it. Owners and admins read every thread of the studio.",
  ...secured,
  request: { params: threadParams, query: Messaging.threadMessagesQuerySchema },
  responses: { 200: jsonResponse(Messaging.ThreadSchema, "The thread"), ...problems(401, 404, 409, 422) },
});

const postMessage = createRoute({
  method: "post",
  path: "/{studioId}/threads/{threadId}/messages",
  tags,
  summary: "Answer a thread (owners and admins answer as the studio)",
  description: "One transaction: the message, the thread, every participant's inbox entry and unread count. 409 only after many lost races.",
  ...secured,
  request: { params: threadParams, body: jsonBody(Messaging.postMessageSchema.openapi("PostMessageRequest")) },
  responses: { 201: jsonResponse(Messaging.ThreadMessageSchema, "The message"), ...problems(401, 404, 409, 422) },
});

const fileThread = createRoute({
  method: "put",
  path: "/{studioId}/threads/{threadId}/archived",
  tags,
  summary: "Archive a thread in the caller's inbox, or bring it back (a new message brings it back too)",
  ...secured,
  request: { params: threadParams, body: jsonBody(Messaging.archiveThreadSchema.openapi("ArchiveThreadRequest")) },
  responses: { 200: jsonResponse(Messaging.ThreadSummarySchema, "The thread as the inbox lists it"), ...problems(401, 404, 409, 422) },
});

const createUpload = createRoute({
  method: "post",
  path: "/{studioId}/threads/uploads",
  tags,
  summary: "A presigned PUT for a file to attach to a message (at most 10 MB)",
  description: "PUT the bytes to `url` with `headers`, then name `uploadKey` in the message's `attachments`.",
  ...secured,
  request: { params: studioParams, body: jsonBody(Messaging.attachmentUploadSchema.openapi("MessageAttachmentUploadRequest")) },
  responses: { 201: jsonResponse(Messaging.AttachmentUploadSchema, "Where to upload"), ...problems(401, 403, 404, 422) },
});

const downloadFile = createRoute({
  method: "get",
  path: "/{studioId}/threads/{threadId}/messages/{messageId}/attachments/{index}",
  tags,
  summary: "A short-lived download link of a message's file",
  ...secured,
  request: { params: fileParams },
  responses: { 200: jsonResponse(Messaging.AttachmentLinkSchema, "The link"), ...problems(401, 404, 422) },
});

export const threadRoutes = createRouter()
  .openapi(listThreads, async (c) => c.json(await Messaging.listThreads(c.get("actor"), c.req.valid("param").studioId, c.req.valid("query")), 200))
  .openapi(startThread, async (c) =>
    c.json(await Messaging.startThread(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201),
  )
  .openapi(recipientChoices, async (c) => c.json(await Messaging.recipientChoices(c.get("actor"), c.req.valid("param").studioId), 200))
  .openapi(createUpload, async (c) =>
    c.json(await Messaging.createAttachmentUpload(c.get("actor"), c.req.valid("param").studioId, c.req.valid("json"), c.var.clock()), 201),
  )
  .openapi(getThread, async (c) => {
    const { studioId, threadId } = c.req.valid("param");
    return c.json(await Messaging.getThread(c.get("actor"), studioId, threadId, c.req.valid("query"), c.var.clock()), 200);
  })
  .openapi(postMessage, async (c) => {
    const { studioId, threadId } = c.req.valid("param");
    return c.json(await Messaging.postMessage(c.get("actor"), studioId, threadId, c.req.valid("json"), c.var.clock()), 201);
  })
  .openapi(fileThread, async (c) => {
    const { studioId, threadId } = c.req.valid("param");
    return c.json(await Messaging.fileThread(c.get("actor"), studioId, threadId, c.req.valid("json").archived, c.var.clock()), 200);
  })
  .openapi(downloadFile, async (c) => {
    const { studioId, threadId, messageId, index } = c.req.valid("param");
    return c.json(await Messaging.attachmentDownload(c.get("actor"), studioId, threadId, messageId, Number(index), c.var.clock()), 200);
  });
