import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { recordIdField, requiredText, text } from "../people";
import { durationMinutesField, instantField, weeklyHoursSchema } from "../scheduling";
import { ROOM_BOOKABLE_BY } from "./room.entity";

const MAX_AMOUNT_MINOR = 1_000_000_000;
const whole = (min: number, max: number) =>
  z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const roomFields = {
  name: requiredText(80),
  capacity: whole(1, 1000).nullable().optional(),
  /** Minor units per hour (the studio's currency); what a reservation for a student costs, pro rata. */
  hourlyRateMinor: whole(0, MAX_AMOUNT_MINOR).nullable().optional(),
  equipment: z
    .array(requiredText(80), { invalid_type_error: "must be a list of strings" })
    .max(30, "must have at most 30 entries")
    .transform((items) => [...new Set(items)])
    .optional(),
  description: text(1000).nullable().optional(),
  bookableBy: z.enum(ROOM_BOOKABLE_BY).optional(),
  /** Local to the studio; empty or absent: open whenever the studio is. */
  openingHours: weeklyHoursSchema.optional(),
};

export const createRoomSchema = z.object(roomFields).strict();
export type CreateRoomInput = z.infer<typeof createRoomSchema>;

export const updateRoomSchema = z
  .object({ ...roomFields, name: roomFields.name.optional() })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: "give at least one field to change", path: [] });
export type UpdateRoomInput = z.infer<typeof updateRoomSchema>;

export const listRoomsQuerySchema = pageQuerySchema;

/** A reservation: its start and end (or length), whom it is for, and a note. */
export const reserveRoomSchema = z
  .object({
    start: instantField,
    end: instantField.optional(),
    durationMinutes: durationMinutesField.optional(),
    /** The student it is for (a student reserves for themself, a parent for a child); none: the studio's own use (staff). */
    studentId: recordIdField.optional(),
    notes: text(500).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (Boolean(value.end) === Boolean(value.durationMinutes)) ctx.addIssue({ code: "custom", path: ["end"], message: "give either end or durationMinutes" });
    if (value.end && value.end <= value.start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
  });
export type ReserveRoomInput = z.infer<typeof reserveRoomSchema>;

export const listReservationsQuerySchema = pageQuerySchema.extend({
  /** From this instant (default: now); reservations starting before it are left out. */
  from: instantField.optional(),
  to: instantField.optional(),
});
export type ListReservationsQuery = z.infer<typeof listReservationsQuerySchema>;
