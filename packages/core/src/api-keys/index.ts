export * from "./module";
export { createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys";
export { toApiKey, type ApiKeyView } from "./api-key-view";
export * from "./schemas";
export { apiKeysDb } from "./api-keys-db";
