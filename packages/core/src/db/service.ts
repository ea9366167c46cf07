import { CredentialEntity } from "../accounts/credential.entity";
import { EmailLinkEntity } from "../accounts/email-link.entity";
import { MembershipEntity } from "../accounts/membership.entity";
import { RefreshTokenEntity } from "../accounts/refresh-token.entity";
import { SessionFamilyEntity } from "../accounts/session-family.entity";
import { UserEntity } from "../accounts/user.entity";
import { AccessRequestEntity } from "../access-requests/access-request.entity";
import { AuditEventEntity } from "../audit/audit-event.entity";
import { IdempotencyRecordEntity } from "../idempotency/idempotency-record.entity";
import { ImportClaimEntity } from "../imports/import-claim.entity";
import { InvitationEntity } from "../invitations/invitation.entity";
import { UndeliverableAddressEntity } from "../email-delivery/undeliverable-address.entity";
import { OutboxMessageEntity } from "../outbox/outbox-message.entity";
import { BandEntity } from "../people/band.entity";
import { FamilyEntity } from "../people/family.entity";
import { GuardianEntity } from "../people/guardian.entity";
import { StudentEntity } from "../people/student.entity";
import { TeacherEntity } from "../people/teacher.entity";
import { RateCounterEntity } from "../rate-limit/rate-counter.entity";
import { StudioSlugEntity } from "../studios/studio-slug.entity";
import { StudioEntity } from "../studios/studio.entity";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";

const entities = {
  studio: StudioEntity,
  studioSlug: StudioSlugEntity,
  user: UserEntity,
  credential: CredentialEntity,
  membership: MembershipEntity,
  sessionFamily: SessionFamilyEntity,
  refreshToken: RefreshTokenEntity,
  emailLink: EmailLinkEntity,
  rateCounter: RateCounterEntity,
  idempotencyRecord: IdempotencyRecordEntity,
  auditEvent: AuditEventEntity,
  teacher: TeacherEntity,
  student: StudentEntity,
  family: FamilyEntity,
  guardian: GuardianEntity,
  band: BandEntity,
  invitation: InvitationEntity,
  accessRequest: AccessRequestEntity,
  importClaim: ImportClaimEntity,
  outboxMessage: OutboxMessageEntity,
  undeliverableAddress: UndeliverableAddressEntity,
};

/** The one ElectroDB service over the single table (all entities, so transactions span them). */
export const db = tableService(entities);

/** The entities as a transaction callback receives them: only these have `.commit()`. */
export type WriteTx = TransactionEntities<typeof db>;
