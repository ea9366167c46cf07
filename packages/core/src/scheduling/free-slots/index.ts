export { findFreeSlots, parseFreeSlotSearch } from "./find-free-slots";
export { searchFreeSlots } from "./search-free-slots";
export { computeFreeSlots, type FreeSlot, type SlotSearchInput } from "./compute-free-slots";
export type { FreeSlots } from "./free-slots-of";
export * from "./schemas";
export { slotFit, type SlotFit, type SlotFitSearch } from "./slot-fit";
