import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import type { StudentRecord } from "../../people/module";
import { classesDb } from "../classes-db";
import type { ClassSlotRecord } from "../class-slot.entity";
import { toWaitlistEntry } from "../class-views";
import type { WaitlistEntry } from "../class-schemas";
import type { JoinWaitlistInput } from "../schemas";
import type { WaitlistEntryRecord } from "../waitlist-entry.entity";

/** The slot's queue in order (UUIDv7: the order students joined). */
export async function readQueue(studioId: string, slotId: string): Promise<WaitlistEntryRecord[]> {
  const { data } = await classesDb().entities.waitlistEntry.query.waitlistOrder({ studioId, slotId }).go({ pages: "all" });
  return data;
}

/** Puts the student at the end of the slot's queue (once per slot: a second time is a 409), and answers their place. */
export async function joinQueue(
  studioId: string,
  slot: ClassSlotRecord,
  student: StudentRecord,
  planId: string,
  actorId: string,
  now: Date,
): Promise<WaitlistEntry> {
  const stamp = now.toISOString();
  const entry: WaitlistEntryRecord = {
    studioId,
    slotId: slot.slotId,
    studentId: student.studentId,
    entryId: uuidv7(),
    studentName: `${student.firstName} ${student.lastName}`.trim(),
    planId,
    state: "waiting",
    joinedBy: actorId,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await commitWrites(classesDb, (tx) => [
    failsWith(tx.waitlistEntry.create(entry).commit(), () =>
      conflict("waitlist.exists", `${student.firstName} is on this class's waitlist already`, "studentId"),
    ),
    failsWith(
      tx.classEnrolment
        .check({ studioId, slotId: slot.slotId, studentId: student.studentId })
        .where((a, op) => op.notExists(a.studentId))
        .commit(),
      () => conflict("class_enrolment.exists", `${student.firstName} already has a seat in this class`, "studentId"),
    ),
    recordAudit(tx, {
      studioId,
      actorId,
      action: "waitlistEntry.joined",
      entityType: "waitlistEntry",
      entityId: `${slot.slotId}:${student.studentId}`,
      after: entry,
    }),
  ]);
  const queue = await readQueue(studioId, slot.slotId);
  const position = queue.findIndex((e) => e.entryId === entry.entryId) + 1;
  return toWaitlistEntry(entry, position, `${student.firstName} ${student.lastName}`.trim());
}

/** Adds a student to a slot's waitlist directly (admins), whether or not it is full. */
export async function joinWaitlist(actor: Actor, studioId: string, slotId: string, input: JoinWaitlistInput, now = new Date()): Promise<WaitlistEntry> {
  const { classSlot, student: students, course: courses } = classesDb().entities;
  const { member, records } = await loadMemberWith(
    actor,
    studioId,
    itemOf(classSlot, { studioId, slotId }),
    itemOf(students, { studioId, studentId: input.studentId }),
  );
  assertMay(member, "class.manage");
  const [slot, student] = records as [ClassSlotRecord | null, StudentRecord | null];
  if (!slot) throw hiddenRecord("Class slot");
  if (!student || student.deletedAt) throw invalidField("studentId", "is not a student of this studio");
  const { data: course } = await courses.get({ studioId, courseId: slot.courseId }).go();
  if (!course?.plans.some((p) => p.planId === input.planId)) throw invalidField("planId", "is not a plan of this slot's course");
  return joinQueue(studioId, slot, student, input.planId, actor.userId, now);
}
