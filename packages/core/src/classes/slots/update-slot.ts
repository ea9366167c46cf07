import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { AdmissionRace, withAdmissionRetry } from "../admissions/admission-race";
import { readQueue } from "../admissions/join-waitlist";
import { classesDb } from "../classes-db";
import type { ClassSlotRecord } from "../class-slot.entity";
import { toClassSlot } from "../class-views";
import type { ClassSlot } from "../class-schemas";
import { offerSeat } from "../offers/pass-seat";
import type { UpdateClassSlotInput } from "../schemas";
import { loadSlotFor } from "./create-slot";

const seatsTakenError = (capacity: number) => conflict("class_slot.seats_taken", `More than ${capacity} seats are taken or held in this class`, "capacity");

/**
 * Changes a slot's capacity (admins), never below the seats taken (a condition of the write, so an
 * admission racing it cannot overfill the slot: 409). Seats a raise frees go to the waitlist at
 * once: the first students waiting are each offered one (held for them, emailed a claim link), in
 * the same transaction, on condition the seats taken are as read (a race reruns it). Its course,
 * teacher, time and term are fixed once its lessons are made: make another slot for another time.
 */
export async function updateClassSlot(actor: Actor, studioId: string, slotId: string, input: UpdateClassSlotInput, now = new Date()): Promise<ClassSlot> {
  return withAdmissionRetry(async () => {
    const { member, studio, slot } = await loadSlotFor(actor, studioId, slotId);
    assertMay(member, "class.manage");
    if (slot.seatsTaken > input.capacity) throw seatsTakenError(input.capacity);
    const free = input.capacity - slot.seatsTaken;
    const waiting = free > 0 ? (await readQueue(studioId, slotId)).filter((e) => e.state === "waiting").slice(0, free) : [];
    const offers = await Promise.all(waiting.map((entry) => offerSeat(studio, slot, entry, now)));
    const stamp = now.toISOString();
    const after: ClassSlotRecord = {
      ...slot,
      capacity: input.capacity,
      seatsTaken: slot.seatsTaken + offers.length,
      updatedBy: actor.userId,
      updatedAt: stamp,
    };
    await commitWrites(
      classesDb,
      (t) => {
        const patch = t.classSlot.patch({ studioId, slotId }).set({ capacity: input.capacity, updatedBy: actor.userId, updatedAt: stamp });
        return [
          offers.length
            ? failsWith(
                patch
                  .add({ seatsTaken: offers.length })
                  .where((a, op) => op.eq(a.seatsTaken, slot.seatsTaken))
                  .commit(),
                () => new AdmissionRace(),
              )
            : failsWith(patch.where((a, op) => op.lte(a.seatsTaken, input.capacity)).commit(), () => seatsTakenError(input.capacity)),
          ...offers.flatMap((offer) => offer.writes(t)),
          recordAudit(t, { studioId, actorId: actor.userId, action: "classSlot.updated", entityType: "classSlot", entityId: slotId, before: slot, after }),
        ];
      },
      { raced: () => new AdmissionRace() },
    );
    return toClassSlot(after);
  });
}
