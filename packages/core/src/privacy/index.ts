export { eraseSubject, type ErasureResult } from "./erase-subject";
export { EXPORT_LINK_SECONDS, requestExport } from "./request-export";
export * from "./schemas";
