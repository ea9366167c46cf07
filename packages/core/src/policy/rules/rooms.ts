import { AppError } from "../../kernel/errors";
import type { ReservationFacts, RoomFacts, StudentFacts } from "../facts";
import { adminsOnly, hiddenRecord, rule } from "../rule";
import { isStaff, isStudioAdmin, type StudioMember } from "../studio-member";
import { seesStudent } from "./people";

/** Students and parents see the rooms they may reserve (practice rooms); staff every room. */
const seesRoom = (member: StudioMember, room: RoomFacts) => isStaff(member) || room.bookableBy === "students";

/**
 * Rooms and their reservations (seeds: PracticeRoom, RoomReservation). Admins keep the rooms;
 * staff reserve any room, for the studio or for a student; a student or parent reserves a room
 * open to students, for themself or their child. A reservation is cancelled by admins, whoever
 * made it, and the household it is for.
 */
export const ROOM_RULES = {
  "room.manage": adminsOnly(),
  "room.view": rule<RoomFacts>(seesRoom, () => hiddenRecord("Room")),
  "room.reserve": rule<RoomFacts & { student: StudentFacts | null }>(
    (member, { bookableBy, student }) => {
      if (isStaff(member)) return true;
      if (bookableBy !== "students" || !student) return false;
      return (member.role === "student" || member.role === "parent") && seesStudent(member, student);
    },
    () => new AppError("room.reserve_not_allowed", "Students and parents reserve rooms open to students, for themselves or their children"),
  ),
  "reservation.cancel": rule<ReservationFacts>(
    (member, reservation) =>
      isStudioAdmin(member) ||
      reservation.reservedBy === member.userId ||
      (Boolean(reservation.student) && (member.role === "student" || member.role === "parent") && seesStudent(member, reservation.student!)),
    () => new AppError("reservation.not_yours", "Only the studio's admins, whoever made a reservation and the household it is for may cancel it"),
  ),
} as const;
