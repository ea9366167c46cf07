export { createApp, type AppType, type EventsAppType, type HostingAppType, type MessagingAppType, type OperatorsAppType } from "./app";
export { moduleOperations } from "./modules/operations";
