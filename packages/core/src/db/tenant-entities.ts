import { AuditEventEntity } from "../audit/module";
import { IdempotencyRecordEntity } from "../idempotency/module";
import { MembershipEntity, UserEntity } from "../accounts/module";
import { OutboxMessageEntity } from "../outbox/module";
import { peopleModule } from "../people/module";
import { StudioEntity } from "../studios/module";

/**
 * The studio, its members and people, and the audit and idempotency records and the outbox: what the
 * transactions of every module service (scheduling, billing) span besides their own entities.
 */
export const tenantEntities = {
  studio: StudioEntity,
  membership: MembershipEntity,
  user: UserEntity,
  auditEvent: AuditEventEntity,
  idempotencyRecord: IdempotencyRecordEntity,
  ...peopleModule.entities,
  outboxMessage: OutboxMessageEntity,
};
