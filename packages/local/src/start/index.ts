export { startApiServer, type ApiServer } from "./api-server";
export { startWebDev } from "./web-dev";
export { WEB_SERVER_ENTRY } from "./web-build";
export { startWebServer } from "./web-server";
