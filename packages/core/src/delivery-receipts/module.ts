import type { CoreModule } from "../kernel/core-module";
import { DeliveryReceiptEntity } from "./delivery-receipt.entity";

export * from "./delivery-receipt.entity";

/**
 * The delivery receipts module's declaration: what became of each recipient's copy of a tracked
 * mailing (an announcement), kept after the outbox forgets the message. Not in the base service
 * (db/): only the services that write or read receipts (messaging's, its own) carry it.
 */
export const deliveryReceiptsModule = {
  name: "delivery-receipts",
  entities: {
    deliveryReceipt: DeliveryReceiptEntity,
  },
} as const satisfies CoreModule;
