import { v7 as uuidv7 } from "uuid";
import type { RequestContext } from "../accounts";
import { recordAudit } from "../audit";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { db } from "../db";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { idempotencyRecordRead, isReplay, recordIdempotentOutcome } from "../idempotency";
import { outboxEmails } from "../outbox";
import { accessRequestNotices } from "./request-notices";
import { assertWithinLimits, countAttempt, counterKey, type RateLimit } from "../rate-limit";
import type { CreateAccessRequestInput } from "./schemas";
import { liveStudioBySlug } from "../studios";

/** Requests per email and per IP per hour: enough for a typo, not for flooding a studio's inbox. */
export const ACCESS_REQUEST_LIMITS = {
  perEmail: { name: "access-request-email", max: 5, windowSeconds: 60 * 60 },
  perIp: { name: "access-request-ip", max: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/** The actor of audit events written by the public (no account). */
export const PUBLIC_ACTOR = "anonymous";

/**
 * Someone asks to join a studio from its public page. Counts against per-email and per-IP limits;
 * the answer says nothing more than "received". The requester gets a confirmation and the studio's
 * owners and admins a link to the request, enqueued with it. A retry under the same
 * Idempotency-Key (a double submit, a reloaded form post) creates nothing and sends nothing again.
 */
export async function requestAccess(slug: string, input: CreateAccessRequestInput, context: RequestContext = {}) {
  const { idempotency } = context;
  const studio = await liveStudioBySlug(slug);

  const counters = [counterKey(ACCESS_REQUEST_LIMITS.perEmail, input.email), ...(context.ip ? [counterKey(ACCESS_REQUEST_LIMITS.perIp, context.ip)] : [])];
  const counts = await readTogether(
    ...counters.map((key) => itemOf(db().entities.rateCounter, { bucket: key.bucket, window: key.window })),
    ...(idempotency ? [idempotencyRecordRead(idempotency)] : []),
  );
  const earlier = idempotency ? (counts[counters.length] as { requestHash: string; expiresAt?: number } | null) : null;
  if (idempotency && isReplay(idempotency, earlier)) return;
  assertWithinLimits(counters.map((key, i) => ({ key, count: (counts[i] as { count?: number } | null)?.count })));

  const record = { studioId: studio.studioId, requestId: uuidv7(), ...input, status: "pending" as const };
  const notices = await accessRequestNotices(studio, record);
  // A concurrent duplicate under the same key recorded first: it created the request and its emails.
  await commitWritesOr(db, (tx) => [
    ...(idempotency ? [rejectedAs(recordIdempotentOutcome(tx, idempotency, 202), "duplicate")] : []),
    tx.accessRequest.create(record).commit(),
    recordAudit(tx, {
      studioId: studio.studioId,
      actorId: PUBLIC_ACTOR,
      action: "access_request.created",
      entityType: "access_request",
      entityId: record.requestId,
      after: { email: input.email, role: input.role, firstName: input.firstName, lastName: input.lastName },
    }),
    ...counters.map((key) => countAttempt(tx, key)),
    ...outboxEmails(tx, notices),
  ]);
}
