import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { classesDb } from "../classes-db";
import type { ClassSlotRecord } from "../class-slot.entity";
import { toClassSlot } from "../class-views";
import type { ClassSlot } from "../class-schemas";
import type { UpdateClassSlotInput } from "../schemas";
import { loadSlotFor } from "./create-slot";

/**
 * Changes a slot's capacity (admins), never below the seats taken (a condition of the write, so an
 * admission racing it cannot overfill the slot: 409). Its course, teacher, time and term are fixed
 * once its lessons are made: make another slot for another time.
 */
export async function updateClassSlot(actor: Actor, studioId: string, slotId: string, input: UpdateClassSlotInput): Promise<ClassSlot> {
  const { member, slot } = await loadSlotFor(actor, studioId, slotId);
  assertMay(member, "class.manage");
  const now = new Date().toISOString();
  const after: ClassSlotRecord = { ...slot, capacity: input.capacity, updatedBy: actor.userId, updatedAt: now };
  await commitWrites(classesDb, (tx) => [
    failsWith(
      tx.classSlot
        .patch({ studioId, slotId })
        .set({ capacity: input.capacity, updatedBy: actor.userId, updatedAt: now })
        .where((a, op) => op.lte(a.seatsTaken, input.capacity))
        .commit(),
      () => conflict("class_slot.seats_taken", `More than ${input.capacity} seats are taken or held in this class`, "capacity"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "classSlot.updated", entityType: "classSlot", entityId: slotId, before: slot, after }),
  ]);
  return toClassSlot({ ...after, seatsTaken: slot.seatsTaken });
}
