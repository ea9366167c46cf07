import { itemOf, readTogether } from "../kernel/db/read-together";
import { page, type Page } from "../kernel/pagination/pagination";
import { isStaff, loadStudioMember, type Actor, type StudioMember } from "../policy";
import { loadRoom } from "./room-access";
import { roomsDb } from "./rooms-db";
import type { RoomReservationRecord } from "./room-reservation.entity";
import type { Reservation } from "./room-schema";
import { toReservation, toRoom } from "./room-view";
import type { ListReservationsQuery } from "./schemas";

const FAR_FUTURE = "9999-12-31T00:00:00.000Z";

/** The students whose reservations a household member sees: their own, or their family's children. */
async function householdStudents(member: StudioMember, studioId: string): Promise<Set<string>> {
  if (member.role === "student") return new Set(member.studentId ? [member.studentId] : []);
  if (member.role !== "parent" || !member.familyId) return new Set();
  const [family] = await readTogether(itemOf(roomsDb().entities.family, { studioId, familyId: member.familyId }));
  return new Set(family && !family.deletedAt ? [...(family.studentIds ?? [])] : []);
}

/**
 * A room's reservations from `from` (default now) on, by start: staff all of them; a student or
 * parent their household's (and the ones they made). One read for the member and the room, one Query a page.
 */
export async function listRoomReservations(actor: Actor, studioId: string, roomId: string, query: ListReservationsQuery): Promise<Page<Reservation>> {
  const { member } = await loadRoom(actor, studioId, roomId);
  const mine = isStaff(member) ? null : await householdStudents(member, studioId);
  const keep = mine
    ? (items: RoomReservationRecord[]) => items.filter((r) => r.reservedBy === member.userId || (r.studentId && mine.has(r.studentId)))
    : undefined;
  const records = await page(
    { studioId, list: `reservations:${roomId}` },
    (options) =>
      roomsDb()
        .entities.roomReservation.query.roomReservations({ studioId, roomId })
        .between({ start: query.from ?? new Date().toISOString() }, { start: query.to ?? FAR_FUTURE })
        .go({ ...options, pages: 1 }),
    query,
    keep,
  );
  return { items: records.items.map(toReservation), nextCursor: records.nextCursor };
}

/** A household's reservations ahead (every room), by start: one Query per student of the household. */
export async function myReservations(actor: Actor, studioId: string): Promise<Reservation[]> {
  const { member } = await loadStudioMember(actor, studioId);
  const students = [...(await householdStudents(member, studioId))];
  const now = new Date().toISOString();
  const lists = await Promise.all(
    students.map((studentId) =>
      roomsDb()
        .entities.roomReservation.query.studentReservations({ studioId, holderId: studentId })
        .gte({ start: now })
        .go({ pages: "all" })
        .then(({ data }) => data),
    ),
  );
  return lists
    .flat()
    .sort((a, b) => a.start.localeCompare(b.start))
    .map(toReservation);
}

/**
 * What holds a room between two instants — its lessons and its reservations — by start, for the
 * room's calendar and for a household choosing a free time. Staff see what each booking is; a
 * student or parent sees only that the room is taken (and their own reservations by name).
 * `include: "room"` adds the room itself (already read with the member), for the room's page.
 */
export async function roomBookings(actor: Actor, studioId: string, roomId: string, range: { from: string; to: string; include?: "room" }) {
  const { member, studio, room } = await loadRoom(actor, studioId, roomId);
  const { lesson, roomReservation } = roomsDb().entities;
  const [lessons, reservations] = await Promise.all([
    lesson.query
      .roomCalendar({ studioId, roomKey: room.roomKey })
      .between({ scheduledStart: new Date(Date.parse(range.from) - 86_400_000).toISOString() }, { scheduledStart: range.to })
      .where((a, op) => op.ne(a.status, "cancelled"))
      .go({ pages: "all" }),
    roomReservation.query
      .roomReservations({ studioId, roomId })
      .between({ start: new Date(Date.parse(range.from) - 86_400_000).toISOString() }, { start: range.to })
      .where((a, op) => op.eq(a.status, "confirmed"))
      .go({ pages: "all" }),
  ]);
  const staff = isStaff(member);
  const mine = staff ? null : await householdStudents(member, studioId);
  const overlapping = (start: string, end: string) => start < range.to && end > range.from;
  const bookings = [
    ...lessons.data
      .filter((l) => overlapping(l.scheduledStart, l.scheduledEnd))
      .map((l) => ({
        kind: "lesson" as const,
        id: staff ? l.lessonId : "",
        start: l.scheduledStart,
        end: l.scheduledEnd,
        title: staff ? l.title?.trim() || "Lesson" : "Taken",
      })),
    ...reservations.data
      .filter((r) => overlapping(r.start, r.end))
      .map((r) => {
        const own = staff || r.reservedBy === member.userId || Boolean(r.studentId && mine?.has(r.studentId));
        return {
          kind: "reservation" as const,
          id: own ? r.reservationId : "",
          start: r.start,
          end: r.end,
          title: own ? `Reserved by ${r.reservedByName}` : "Taken",
        };
      }),
  ].sort((a, b) => a.start.localeCompare(b.start));
  return { roomId, items: bookings, ...(range.include === "room" ? { room: toRoom(room, studio) } : {}) };
}
