export { planBookings, conflictError, type BookingPlan, type BookingChanges, type SkippedSlot } from "./plan-bookings";
export { withBookingRetry, BookingRace } from "./with-booking-retry";
export { commitWithBookings } from "./commit-booking";
export { roomKeyOf, utcDays, overlaps, type BookingSlot, type Booking } from "./booking-slot";
export { dayScheduleReads, dayStatesOf, type DayState } from "./read-day-schedules";
export { dayKeys } from "./plan-bookings";
