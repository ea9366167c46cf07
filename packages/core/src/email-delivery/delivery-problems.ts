import { page } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import type { OutboxMessageItem } from "../outbox/module";
import type { DeliveryProblem } from "./delivery-problem-schema";
import { emailDeliveryDb } from "./email-delivery-db";
import type { DeliveryProblemsQuery } from "./schemas";

/** Why a message did not go out: a bounce or complaint of its address, or sending failed after every attempt. */
export type DeliveryProblemKind = DeliveryProblem["kind"];

const toProblem = (m: OutboxMessageItem): DeliveryProblem => ({
  messageId: m.messageId,
  to: m.to,
  subject: m.subject,
  at: m.problemAt ?? m.failedAt ?? m.updatedAt,
  kind: (m.status === "undeliverable" ? (m.undeliverableReason ?? "bounce") : "failed") as DeliveryProblemKind,
  /** The receiving server's diagnostic, the complaint's feedback type, or the last sending error. */
  detail: m.lastError ?? null,
});
export type { DeliveryProblem };

/**
 * The studio's emails that did not go out (failed, or undeliverable: bounced or complained),
 * newest first, one Query of the sparse outboxProblems index (admins). A studio sees only its own.
 */
export async function listDeliveryProblems(actor: Actor, studioId: string, query: DeliveryProblemsQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "email-delivery.manage");
  const { outboxMessage } = emailDeliveryDb().entities;
  const result = await page(
    { studioId, list: "delivery-problems" },
    (options) => outboxMessage.query.outboxProblems({ problemScope: studioId }).go({ ...options, order: "desc" }),
    query,
  );
  return { items: result.items.map(toProblem), nextCursor: result.nextCursor };
}
