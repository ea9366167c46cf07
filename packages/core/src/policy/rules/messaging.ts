import { AppError } from "../../kernel/errors";
import type { ThreadFacts } from "../facts";
import { adminsOnly, hiddenRecord, rule } from "../rule";
import { isStudioAdmin } from "../studio-member";

/**
 * Conversations (seed 000 MessageThread/Message). Anyone with a record in the studio (a teacher,
 * a student, a parent; owners and admins as the studio) starts threads with the people the
 * recipients rules allow (messaging/threads/recipients.ts) and reads and answers those they take
 * part in; nobody else learns a thread exists (404). Owners and admins read and answer every
 * thread and read any participant's inbox. (Every Lambda carries the catalogue: its words stay short.)
 */
export const MESSAGING_RULES = {
  "thread.start": rule<{ hasProfile: boolean }>(
    (member, { hasProfile }) => isStudioAdmin(member) || hasProfile,
    () => new AppError("thread.no_profile", "Your login has no record in this studio"),
  ),
  /** Reading and answering a thread. */
  "thread.view": rule<ThreadFacts>(
    (member, thread) => isStudioAdmin(member) || thread.takesPart,
    () => hiddenRecord("Thread"),
  ),
  /** Another participant's inbox, or all the studio's threads. */
  "thread.oversee": adminsOnly(),
  /** Writing, sending and following announcements (everyone reads those sent to them). */
  "announcement.manage": adminsOnly(),
} as const;
