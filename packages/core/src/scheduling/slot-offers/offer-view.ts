import type { SlotOfferRecord } from "./slot-offer.entity";
export type { SlotOfferRecord } from "./slot-offer.entity";
