import { tableService } from "../kernel/db/table-service";
import { CredentialEntity, MembershipEntity, UserEntity } from "../accounts/module";
import { OutboxMessageEntity } from "../outbox/module";
import { StudioEntity } from "../studios/module";
import { notificationsModule } from "./module";

/** The in-app notification centre: the entries, the logins they are for, the preferences that shape them, and the digests' outbox. */
export const noticesDb = tableService({
  ...notificationsModule.entities,
  credential: CredentialEntity,
  user: UserEntity,
  membership: MembershipEntity,
  studio: StudioEntity,
  outboxMessage: OutboxMessageEntity,
});
