export { createApp, type AppType } from "./app";
export { moduleOperations } from "./modules/operations";
