import { commitWrites } from "../../kernel/db/commit-writes";
import { config } from "../../kernel/config";
import { emailBrand, replyQuestionMessage } from "../../email";
import { outboxEmail } from "../../outbox";
import { cancelByReply, confirmByReply } from "../../scheduling";
import type { StudioRecord } from "../../studios/module";
import type { StoredAttachment } from "../attachments";
import { messagingDb } from "../messaging-db";
import type { ReplyAddressRecord } from "../reply-address.entity";
import { openThread } from "../threads/start-thread";
import { studioParticipant } from "../threads/recipients";
import { participantOf } from "../threads/writer";
import { lessonCommandOf } from "./lesson-command";

export type LessonReplyOutcome =
  | { outcome: "cancelled" | "confirmed"; studioId: string; lessonId: string }
  | { outcome: "unchanged"; studioId: string; lessonId: string; why: string }
  | { outcome: "asked"; studioId: string; lessonId: string }
  /** A message for the studio: the thread it opened (or went on). */
  | { outcome: "posted"; studioId: string; threadId: string; party: string };

const portalLessonUrl = (studioId: string, lessonId: string) =>
  `${config().webUrl}/portal/studios/${encodeURIComponent(studioId)}/lessons/${encodeURIComponent(lessonId)}`;

/**
 * A reply to a lesson's email (reply commands): "cancel" runs the lesson link's cancel flow (its
 * emails give the policy's outcome), "confirm" records the family's confirmation; a second
 * "cancel" of a cancelled lesson does nothing. A reply that could mean either is answered with a
 * question and nothing is done. Anything else is a message for the studio: the first opens a
 * conversation between the sender and the studio, later ones go on in it (`post` appends to a thread).
 */
export async function answerLessonReply(
  studio: StudioRecord,
  address: ReplyAddressRecord,
  reply: { body: string; subject: string; attachments: StoredAttachment[] },
  now: Date,
  post: (threadId: string) => Promise<{ threadId: string } | null>,
): Promise<LessonReplyOutcome> {
  const { studioId, party } = address;
  const lessonId = address.lessonId!;
  const ref = { studioId, lessonId, email: address.email };
  const command = reply.attachments.length ? "message" : lessonCommandOf(reply.body);
  if (command === "cancel" || command === "confirm") {
    const result = command === "cancel" ? await cancelByReply(ref, now) : await confirmByReply(ref, now);
    return result.done === "nothing" ? { outcome: "unchanged", studioId, lessonId, why: result.why } : { outcome: result.done, studioId, lessonId };
  }
  if (command === "ambiguous") {
    await commitWrites(messagingDb, (t) => [
      outboxEmail(
        t,
        {
          scope: studioId,
          messageId: `reply-question#${lessonId}#${address.replyId}#${now.toISOString()}`,
          to: address.email,
          brand: emailBrand(studio),
          email: replyQuestionMessage({
            studioName: studio.name,
            subject: reply.subject,
            said: reply.body,
            open: { label: "See the lesson", url: portalLessonUrl(studioId, lessonId) },
          }),
        },
        now,
      ),
    ]);
    return { outcome: "asked", studioId, lessonId };
  }
  if (address.threadId) {
    const posted = await post(address.threadId);
    if (posted) return { outcome: "posted", studioId, threadId: posted.threadId, party };
  }
  const writer = await participantOf(studio, party);
  if (!writer) return { outcome: "unchanged", studioId, lessonId, why: "the sender is no longer in the studio" };
  const subject =
    reply.subject
      .replace(/^\s*(re|aw|sv|fwd?):\s*/i, "")
      .trim()
      .slice(0, 150) || "About a lesson";
  const { thread } = await openThread(studio, writer, [writer, studioParticipant(studio)], {
    subject,
    body: reply.body || "(attachments)",
    attachments: reply.attachments,
    senderName: writer.name,
    via: "email",
    studentIds: [],
    now,
  });
  await messagingDb().entities.replyAddress.patch({ replyId: address.replyId }).set({ threadId: thread.threadId }).go();
  return { outcome: "posted", studioId, threadId: thread.threadId, party };
}
