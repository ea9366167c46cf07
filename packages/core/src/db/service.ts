import { accessRequestsModule } from "../access-requests/module";
import { accountsModule } from "../accounts/module";
import { auditModule } from "../audit/module";
import { emailDeliveryModule } from "../email-delivery/module";
import { idempotencyModule } from "../idempotency/module";
import { importsModule } from "../imports/module";
import { invitationsModule } from "../invitations/module";
import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { outboxModule } from "../outbox/module";
import { peopleModule } from "../people/module";
import { rateLimitModule } from "../rate-limit/module";
import { studiosModule } from "../studios/module";

/**
 * The base service over the single table: the studio, accounts, people and the modules around them
 * (rate limits, idempotency, audit, invitations, access requests, imports, outbox, delivery),
 * composed from their declarations so transactions span them.
 */
export const db = tableService({
  ...studiosModule.entities,
  ...accountsModule.entities,
  ...rateLimitModule.entities,
  ...idempotencyModule.entities,
  ...auditModule.entities,
  ...peopleModule.entities,
  ...invitationsModule.entities,
  ...accessRequestsModule.entities,
  ...importsModule.entities,
  ...outboxModule.entities,
  ...emailDeliveryModule.entities,
});

/** The entities as a transaction callback receives them: only these have `.commit()`. */
export type WriteTx = TransactionEntities<typeof db>;
