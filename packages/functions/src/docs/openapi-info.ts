/** The OpenAPI document's header, shared by the live document and the generated one. */
export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "StudioSync API",
    version: "1.0.0",
    description: "Run a music studio: accounts, studios, people and their public pages. Errors are RFC 9457 problem details.",
  },
};
