export { RESCHEDULE_STATUSES } from "./reschedule-request.entity";
export { createRescheduleRequest } from "./create-reschedule-request";
export { listRescheduleRequests } from "./list-reschedule-requests";
export { getRescheduleRequest } from "./get-reschedule-request";
export { approveRescheduleRequest, rejectRescheduleRequest } from "./review-reschedule-request";
export { withdrawRescheduleRequest } from "./withdraw-reschedule-request";
export {
  createRescheduleRequestSchema,
  reviewRescheduleRequestSchema,
  listRescheduleRequestsQuerySchema,
  type CreateRescheduleRequestInput,
  type ReviewRescheduleRequestInput,
  type ListRescheduleRequestsQuery,
} from "./schemas";
export { toRescheduleRequest, type RescheduleRequest } from "./request-view";
export { RescheduleRequestSchema } from "./request-schema";
