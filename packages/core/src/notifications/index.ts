export { NOTIFICATION_LABELS, NOTIFICATION_TYPES, type NotificationType } from "./notification-types";
export { isOptedOut, optedOutAmong } from "./opt-outs";
export { unsubscribable, unsubscribeHeaders, unsubscribePageUrl, unsubscribePostUrl, unsubscribeUrl } from "./unsubscribe-links";
export { readUnsubscribe, setSubscription } from "./unsubscribe";
export { getMyNotifications, setMyNotifications } from "./my-notifications";
export * from "./schemas";
export { setPreference } from "./opt-outs";
