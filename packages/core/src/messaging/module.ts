import type { CoreModule } from "../kernel/core-module";
import { AnnouncementEntity } from "./announcement.entity";
import { ReplyAddressEntity } from "./reply-address.entity";
import { InboxSummaryEntity, ThreadEntity, ThreadInboxEntity, ThreadMessageEntity } from "./thread.entity";

export * from "./thread.entity";
export * from "./reply-address.entity";
export * from "./announcement.entity";

/**
 * The messaging module's declaration: threads, their messages, each participant's inbox entry and
 * unread summary, the reply addresses of inbound mail, and announcements. The services are composed from these
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
    announcement: AnnouncementEntity,
  },
} as const satisfies CoreModule;
