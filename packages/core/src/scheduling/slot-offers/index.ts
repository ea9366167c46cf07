export { broadcastSlotOffers, type BroadcastSummary } from "./broadcast-slot-offers";
