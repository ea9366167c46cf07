import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { cancelChargeWrite, chargeAccountOf, pendingChargeWrite } from "../billing";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { AppError, conflict } from "../kernel/errors";
import { localParts } from "../kernel/time/wall-clock";
import { assertMay, hiddenRecord, isStaff, may, type Actor, type StudioMember } from "../policy";
import { studentFacts } from "../people";
import { assertStudioOpen, commitWithBookings, planBookings, withBookingRetry, type BookingSlot } from "../scheduling";
import { hoursWords, withinOpeningHours } from "./opening-hours";
import { loadRoom } from "./room-access";
import { roomsDb } from "./rooms-db";
import { STUDIO_HOLDER, type RoomReservationRecord } from "./room-reservation.entity";
import type { RoomRecord } from "./room.entity";
import { toReservation } from "./room-view";
import type { ReserveRoomInput } from "./schemas";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A reservation's hold on the room in the day schedules (no teacher, no student: the room alone). */
const slotOf = (r: Pick<RoomReservationRecord, "reservationId" | "start" | "end" | "roomKey">): BookingSlot => ({
  lessonId: r.reservationId,
  start: r.start,
  end: r.end,
  teacherId: "",
  studentIds: [],
  roomKey: r.roomKey,
  teacherBufferMinutes: 0,
});

/** rate × minutes / 60, rounded half up, in whole minor units. */
export const reservationCost = (hourlyRateMinor: number, minutes: number) => Math.floor((hourlyRateMinor * minutes * 2 + 60) / 120);

/** "Room reservation: Piano room — Tue 3 Dec 16:00–17:00", in the studio's time zone (the run names the student). */
function chargeDescription(room: RoomRecord, start: string, end: string, timeZone: string) {
  const from = localParts(start, timeZone);
  const to = localParts(end, timeZone);
  const day = `${WEEKDAYS[from.weekday - 1]} ${Number(from.date.slice(8, 10))} ${MONTHS[Number(from.date.slice(5, 7)) - 1]}`;
  return `Room reservation: ${room.name} — ${day} ${from.time}–${to.time}`;
}

/** The student a household member reserves for: a student themself; a parent the child they name (or their only child). */
function studentIdFor(member: StudioMember, input: ReserveRoomInput): string | undefined {
  if (input.studentId) return input.studentId;
  if (member.role === "student") return member.studentId;
  return undefined;
}

/**
 * Reserves a room (staff any room, for the studio or a student; a student or parent a room open to
 * students, for themself or their child): in the future, inside the room's opening hours, on a day
 * the studio is open, and free — the reservation holds the room in the same day schedules as
 * lessons, so a lesson and a reservation racing for it cannot both win (one gets a 409 naming the
 * other). For a student, the room's hourly rate pro rata becomes a pending charge on the family's
 * (or student's) billing account in the same transaction; the next billing run invoices it.
 */
export function reserveRoom(actor: Actor, studioId: string, roomId: string, input: ReserveRoomInput) {
  return withBookingRetry(async () => {
    const { student, user } = roomsDb().entities;
    const loaded = await loadRoom(actor, studioId, roomId, itemOf(user, { userId: actor.userId }));
    const { member, studio, room } = loaded;
    const studentId = studentIdFor(member, input);
    const [studentRecord] = studentId ? await readTogether(itemOf(student, { studioId, studentId })) : [null];
    if (studentId && (!studentRecord || studentRecord.deletedAt)) throw hiddenRecord("Student");
    assertMay(member, "room.reserve", { bookableBy: room.bookableBy, student: studentRecord ? studentFacts(studentRecord) : null });

    const start = input.start;
    const end = input.end ?? new Date(Date.parse(start) + input.durationMinutes! * 60_000).toISOString();
    if (Date.parse(start) <= Date.now())
      throw new AppError("reservation.past", "A reservation starts in the future", { errors: [{ path: "start", message: "must be in the future" }] });
    if (!withinOpeningHours(room.openingHours, start, end, studio.timeZone)) {
      const message = `must be within the room's opening hours (${hoursWords(room.openingHours ?? [])}, ${studio.timeZone})`;
      throw new AppError("reservation.outside_hours", "The room is closed then", { errors: [{ path: "start", message }] });
    }
    await assertStudioOpen(studioId, start, end, studio.timeZone);

    const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
    const costMinor = studentRecord && room.hourlyRateMinor ? reservationCost(room.hourlyRateMinor, minutes) : 0;
    const reservationId = uuidv7();
    const chargeId = costMinor > 0 ? uuidv7() : undefined;
    const now = new Date().toISOString();
    const reservation: RoomReservationRecord = {
      studioId,
      reservationId,
      roomId,
      roomKey: room.roomKey,
      roomName: room.name,
      start,
      end,
      status: "confirmed",
      ...(studentRecord ? { studentId: studentRecord.studentId } : {}),
      holderId: studentRecord?.studentId ?? STUDIO_HOLDER,
      costMinor,
      currency: studio.currency,
      ...(chargeId ? { chargeId } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      reservedBy: actor.userId,
      reservedByName: loaded.records[0]?.name ?? "A member",
      createdAt: now,
      updatedAt: now,
    };
    const { plan } = await planBookings(studioId, { add: [slotOf(reservation)] });
    await commitWithBookings(
      roomsDb,
      (tx) => [
        tx.roomReservation.create(reservation).commit(),
        ...(chargeId && studentRecord
          ? [
              pendingChargeWrite(tx, {
                studioId,
                chargeId,
                account: chargeAccountOf(studentRecord),
                studentId: studentRecord.studentId,
                description: chargeDescription(room, start, end, studio.timeZone),
                amountMinor: costMinor,
                chargeDate: localParts(start, studio.timeZone).date,
                sourceType: "room-reservation",
                sourceId: reservationId,
                actorId: actor.userId,
              }),
            ]
          : []),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "reservation.created",
          entityType: "roomReservation",
          entityId: reservationId,
          after: reservation,
        }),
      ],
      plan,
    );
    return toReservation(reservation);
  });
}

/**
 * Cancels a reservation that has not started (admins, whoever made it, the household it is for):
 * the room is free again, and its charge is cancelled — or, when a billing run already invoiced
 * it, given back as a credit on the next invoice.
 */
export function cancelReservation(actor: Actor, studioId: string, roomId: string, reservationId: string) {
  return withBookingRetry(async () => {
    const { roomReservation, student, billingCharge } = roomsDb().entities;
    const { member, studio, records } = await loadRoom(actor, studioId, roomId, itemOf(roomReservation, { studioId, reservationId }));
    const [reservation] = records;
    if (!reservation || reservation.roomId !== roomId) throw hiddenRecord("Reservation");
    const [studentRecord, charge] = await Promise.all([
      reservation.studentId ? readTogether(itemOf(student, { studioId, studentId: reservation.studentId })).then(([r]) => r) : null,
      reservation.chargeId ? readTogether(itemOf(billingCharge, { studioId, chargeId: reservation.chargeId })).then(([r]) => r) : null,
    ]);
    const facts = { reservedBy: reservation.reservedBy, student: studentRecord ? studentFacts(studentRecord) : null };
    // A household never learns of another household's reservation.
    if (!isStaff(member) && !may(member, "reservation.cancel", facts)) throw hiddenRecord("Reservation");
    assertMay(member, "reservation.cancel", facts);
    if (reservation.status === "cancelled") throw conflict("reservation.cancelled", "This reservation is already cancelled");
    if (Date.parse(reservation.start) <= Date.now()) throw conflict("reservation.cancelled", "A reservation that has started can no longer be cancelled");

    const now = new Date().toISOString();
    const { plan } = await planBookings(studioId, { remove: [slotOf(reservation)] });
    const refund = charge && charge.listing === "billed";
    await commitWithBookings(
      roomsDb,
      (tx) => [
        failsWith(
          tx.roomReservation
            .patch({ studioId, reservationId })
            .set({ status: "cancelled", cancelledAt: now, cancelledBy: actor.userId })
            .where((a, op) => op.eq(a.status, "confirmed"))
            .commit(),
          () => conflict("reservation.changed", "The reservation changed meanwhile; reload and try again"),
        ),
        ...(charge && charge.listing === "pending"
          ? [
              failsWith(cancelChargeWrite(tx, studioId, charge.chargeId), () =>
                conflict("reservation.changed", "Its charge was just invoiced; try again to credit it"),
              ),
            ]
          : []),
        ...(refund && studentRecord
          ? [
              pendingChargeWrite(tx, {
                studioId,
                chargeId: `${charge.chargeId}-credit`,
                account: { kind: charge.accountKind, accountId: charge.accountId },
                studentId: charge.studentId,
                description: `Cancelled: ${charge.description}`,
                amountMinor: -charge.amountMinor,
                chargeDate: localParts(now, studio.timeZone).date,
                sourceType: "room-reservation",
                sourceId: reservationId,
                actorId: actor.userId,
              }),
            ]
          : []),
        recordAudit(tx, {
          studioId,
          actorId: actor.userId,
          action: "reservation.cancelled",
          entityType: "roomReservation",
          entityId: reservationId,
          before: reservation,
        }),
      ],
      plan,
    );
    return toReservation({ ...reservation, status: "cancelled", cancelledAt: now, cancelledBy: actor.userId, updatedAt: now });
  });
}
