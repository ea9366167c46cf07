import { MembershipEntity } from "../accounts/membership.entity";
import { UserEntity } from "../accounts/user.entity";
import { AuditEventEntity } from "../audit/audit-event.entity";
import { IdempotencyRecordEntity } from "../idempotency/idempotency-record.entity";
import { OutboxMessageEntity } from "../outbox/outbox-message.entity";
import { BandEntity } from "../people/band.entity";
import { FamilyEntity } from "../people/family.entity";
import { GuardianEntity } from "../people/guardian.entity";
import { StudentEntity } from "../people/student.entity";
import { TeacherEntity } from "../people/teacher.entity";
import { StudioEntity } from "../studios/studio.entity";

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
  teacher: TeacherEntity,
  student: StudentEntity,
  family: FamilyEntity,
  guardian: GuardianEntity,
  band: BandEntity,
  outboxMessage: OutboxMessageEntity,
};
