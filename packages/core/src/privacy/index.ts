export { eraseSubject, type ErasureResult } from "./erase-subject";
export { EXPORT_LINK_SECONDS, signExportLink } from "./export-files";
export { openExportLink } from "./open-export";
export { requestExport } from "./request-export";
export * from "./schemas";
export { PERSONAL_FIELDS } from "./anonymise";
