export { createApp, type AppType, type EventsAppType, type HostingAppType, type MessagingAppType } from "./app";
export { moduleOperations } from "./modules/operations";
