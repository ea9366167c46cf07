export { recordSesEvent, type SesEvent, type SesEventOutcome } from "./ses-events";
export { listDeliveryProblems, type DeliveryProblem, type DeliveryProblemKind } from "./delivery-problems";
export { DeliveryProblemSchema } from "./delivery-problem-schema";
export { undeliverableAmong } from "./undeliverable-among";
export { retryAddress } from "./retry-address";
export { normalAddress, UNDELIVERABLE_REASONS, type UndeliverableReason } from "./undeliverable-address.entity";
export * from "./schemas";
