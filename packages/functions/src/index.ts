export { createApp, type AppType, type EventsAppType, type MessagingAppType } from "./app";
export { moduleOperations } from "./modules/operations";
