export { createApp, type AppType } from "./app";
