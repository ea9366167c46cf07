import { commitWrites, failsWith, type Transacting } from "../../kernel/db/commit-writes";
import type { ScheduleTx } from "../schedule-db";
import type { BookingPlan } from "./plan-bookings";
import { BookingRace } from "./with-booking-retry";

/**
 * Commits a use case's writes with its booking plan's day-schedule writes in one transaction, on
 * the scheduling service or one that extends it (planning). A rejected day schedule means another
 * booking won the race (BookingRace, which withBookingRetry reruns), and so does losing to a
 * concurrent transaction on any item (a shared counter: the leads board's stage counts); the use
 * case's own writes carry their own meanings (failsWith).
 */
export async function commitWithBookings<Tx extends ScheduleTx>(
  service: () => Transacting<Tx>,
  build: (tx: Tx) => ReadonlyArray<unknown>,
  plan: BookingPlan | undefined,
): Promise<void> {
  await commitWrites(service, (tx) => [...build(tx), ...failsWith(plan?.writes(tx) ?? [], () => new BookingRace())], { raced: () => new BookingRace() });
}
