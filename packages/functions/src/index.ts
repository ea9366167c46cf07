export { createApp, type AppType, type MessagingAppType } from "./app";
export { moduleOperations } from "./modules/operations";
