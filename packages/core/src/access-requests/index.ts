export { approveAccessRequest } from "./approve-access-request";
export { getAccessRequest } from "./get-access-request";
export { listAccessRequests } from "./list-access-requests";
export { rejectAccessRequest } from "./reject-access-request";
export { requestAccess } from "./request-access";
export { ACCESS_REQUEST_STATUSES, REQUESTABLE_ROLES } from "./access-request.entity";
export type { AccessRequest } from "./access-request-view";
export { AccessRequestSchema } from "./access-request-schema";
export * from "./schemas";
