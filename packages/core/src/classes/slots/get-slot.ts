import { type Actor } from "../../policy";
import { readQueue } from "../admissions/join-waitlist";
import { classesDb } from "../classes-db";
import { toClassEnrolment, toClassSlot, toWaitlistEntry } from "../class-views";
import type { ClassSlotDetail } from "../class-schemas";
import { loadSlotFor } from "./create-slot";

/** A slot with its roster (by name) and its waitlist in order (admins; its teacher read-only): three DynamoDB calls. */
export async function getClassSlot(actor: Actor, studioId: string, slotId: string): Promise<ClassSlotDetail> {
  const { slot } = await loadSlotFor(actor, studioId, slotId);
  const [{ data: seats }, queue] = await Promise.all([
    classesDb().entities.classEnrolment.query.classEnrolment({ studioId, slotId }).go({ pages: "all" }),
    readQueue(studioId, slotId),
  ]);
  const name = (record: { studentName?: string }) => record.studentName ?? "Student";
  return {
    ...toClassSlot(slot),
    enrolments: seats.map((s) => toClassEnrolment(s, name(s))).sort((a, b) => a.studentName.localeCompare(b.studentName)),
    waitlist: queue.map((e, i) => toWaitlistEntry(e, i + 1, name(e))),
  };
}
