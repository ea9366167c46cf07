export {
  ESSENTIAL_TYPES,
  MAIL_CHOICES,
  NOTIFICATION_LABELS,
  NOTIFICATION_TYPES,
  PREFERENCE_TYPES,
  type MailChoice,
  type NoticeType,
  type NotificationType,
  type PreferenceType,
} from "./notification-types";
export { isOptedOut, optedOutAmong, setPreference } from "./opt-outs";
export { unsubscribable, unsubscribeHeaders, unsubscribePageUrl, unsubscribePostUrl, unsubscribeUrl } from "./unsubscribe-links";
export { readUnsubscribe, setSubscription } from "./unsubscribe";
export { getMyNotifications, setMyNotifications } from "./my-notifications";
export * from "./schemas";
export { notice, portalPath, workspacePath } from "./notice";
export { recordNotices } from "./record-notices";
export { sendNoticeDigests, type DigestRun } from "./send-digests";
export {
  listMyNotices,
  markMyNoticesRead,
  markNoticesReadSchema,
  noticesQuerySchema,
  type MarkNoticesReadInput,
  type NoticeView,
} from "./my-notices";
export { unreadNoticeCount } from "./unread-count";
export { getMyPreferences, myPreferencesSchema, setMyPreferences, type MyPreferencesInput } from "./my-preferences";
export { noticesDb } from "./notices-db";
