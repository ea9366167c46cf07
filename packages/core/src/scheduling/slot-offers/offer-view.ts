import type { EntityItem } from "electrodb";
import type { SlotOfferEntity } from "./slot-offer.entity";

export type SlotOfferRecord = EntityItem<typeof SlotOfferEntity>;
