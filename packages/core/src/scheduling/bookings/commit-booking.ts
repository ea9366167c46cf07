import { assertCommitted } from "../../kernel/db/transactions";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import type { BookingPlan } from "./plan-bookings";
import { BookingRace } from "./with-booking-retry";

/**
 * Commits a use case's items with its booking plan's day-schedule items (last) in one
 * transaction. A rejected day schedule means another booking won the race (BookingRace, which
 * withBookingRetry reruns); other rejections go to `onRejected` by position.
 */
export async function commitWithBookings(
  build: (tx: ScheduleTx) => unknown[],
  plan: BookingPlan | undefined,
  onRejected: (index: number) => Error | undefined = () => undefined,
): Promise<void> {
  let firstDay = 0;
  const outcome = await scheduleDb()
    .transaction.write((tx) => {
      const items = build(tx);
      firstDay = items.length;
      return [...items, ...(plan?.writes(tx) ?? [])] as never[];
    })
    .go();
  assertCommitted(outcome, (index) => (index >= firstDay ? new BookingRace() : onRejected(index)));
}
