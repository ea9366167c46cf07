import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { recordIdField, requiredText } from "../people";
import { MAX_BODY } from "./message-limits";
import { INBOX_FOLDERS } from "./thread.entity";

/** Whom a new thread is with: the studio (its office), a teacher, a student, or a family (its guardians). */
export const recipientSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("studio") }),
    z.object({ kind: z.literal("teacher"), id: recordIdField }),
    z.object({ kind: z.literal("student"), id: recordIdField }),
    z.object({ kind: z.literal("family"), id: recordIdField }),
  ],
  { errorMap: () => ({ message: "must be { kind: studio } or { kind: teacher | student | family, id }" }) },
);
export type Recipient = z.infer<typeof recipientSchema>;

/** A file already uploaded for a message (presigned PUT under the thread's prefix), or one from the resource library. */
export const attachmentInputSchema = z.union([
  z.object({ uploadKey: z.string().trim().min(1).max(512), name: requiredText(200) }),
  z.object({ resourceId: recordIdField }),
]);
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;

export const messageBodyField = requiredText(MAX_BODY);

export const startThreadSchema = z
  .object({
    subject: requiredText(150),
    body: messageBodyField,
    /** The people to write to (at least one, unless `group` is given). */
    to: z.array(recipientSchema).max(20, "must have at most 20 entries").default([]),
    /** A band's or a class's members (their students and families) and, for a class, its teacher. */
    group: z.object({ kind: z.enum(["band", "class"]), id: recordIdField }).optional(),
    /** The student the conversation is about, when it is about one. */
    studentId: recordIdField.optional(),
    attachments: z.array(attachmentInputSchema).max(10, "must have at most 10 entries").default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.to.length === 0 && !value.group) ctx.addIssue({ code: "custom", path: ["to"], message: "must name someone to write to, or give a group" });
  });
export type StartThreadInput = z.infer<typeof startThreadSchema>;

export const postMessageSchema = z
  .object({
    body: messageBodyField,
    attachments: z.array(attachmentInputSchema).max(10, "must have at most 10 entries").default([]),
  })
  .strict();
export type PostMessageInput = z.infer<typeof postMessageSchema>;

export const listThreadsQuerySchema = pageQuerySchema.extend({
  folder: z.enum(INBOX_FOLDERS).default("inbox"),
  /** Owners and admins: whose inbox (a party key, e.g. `teacher:<id>`), or `all` for every thread of the studio. Others: their own. */
  inbox: z.string().trim().max(200).optional(),
  /** Only threads this party takes part in (search by participant). */
  with: z.string().trim().max(200).optional(),
});
export type ListThreadsQuery = z.infer<typeof listThreadsQuerySchema>;

export const threadMessagesQuerySchema = pageQuerySchema;

export const archiveThreadSchema = z.object({ archived: z.boolean() }).strict();

export const attachmentUploadSchema = z
  .object({
    name: requiredText(200),
    contentType: z.string().trim().min(3).max(100),
    size: z
      .number()
      .int()
      .min(1, "must be at least 1 byte")
      .max(10 * 1024 * 1024, "must be at most 10 MB"),
  })
  .strict();
