import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { BillingChargeEntity } from "../billing/module";
import { schedulingEntities } from "../scheduling";
import { roomsModule } from "./module";

/**
 * The rooms and reservations, with the scheduling entities their bookings span (day schedules,
 * lessons for a room's calendar) and the billing charges of reservations. Only the rooms Lambda carries them.
 */
export const roomsEntities = {
  ...schedulingEntities,
  billingCharge: BillingChargeEntity,
  ...roomsModule.entities,
};

/** The rooms service (same table, same client as the others). */
export const roomsDb = tableService(roomsEntities);

/** The rooms entities as a transaction callback receives them. */
export type RoomsTx = TransactionEntities<typeof roomsDb>;
