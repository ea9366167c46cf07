import type { CoreModule } from "../kernel/core-module";
import { ReplyAddressEntity } from "./reply-address.entity";
import { InboxSummaryEntity, ThreadEntity, ThreadInboxEntity, ThreadMessageEntity } from "./thread.entity";

export * from "./thread.entity";
export * from "./reply-address.entity";

/**
 * The messaging module's declaration: threads, their messages, each participant's inbox entry and
 * unread summary, and the reply addresses of inbound mail. The services are composed from these
 * declarations; other modules reach the entities through this file.
 */
export const messagingModule = {
  name: "messaging",
  entities: {
    thread: ThreadEntity,
    threadMessage: ThreadMessageEntity,
    threadInbox: ThreadInboxEntity,
    inboxSummary: InboxSummaryEntity,
    replyAddress: ReplyAddressEntity,
  },
} as const satisfies CoreModule;
