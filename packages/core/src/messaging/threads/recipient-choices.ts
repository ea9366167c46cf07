import { readMany } from "../../kernel/db/read-many";
import { itemOf } from "../../kernel/db/read-together";
import { todayIn } from "../../people";
import { isStudioAdmin, loadStudioMember, type Actor, type StudioMember } from "../../policy";
import { messagingDb } from "../messaging-db";
import type { RecipientChoices } from "../thread-schemas";

/** Each list holds at most this many (an admin with more finds the rest by opening a record and writing from there). */
const LIMIT = 200;

const fullName = (p: { firstName: string; lastName?: string }) => `${p.firstName} ${p.lastName ?? ""}`.trim();
const live = <T extends { deletedAt?: string }>(r: T | null | undefined): r is T => Boolean(r) && !r!.deletedAt;

/**
 * Whom the caller may start a conversation with, named, for the "New conversation" forms: the same
 * circle as the recipients rules (threads/recipients.ts). Owners and admins: teachers, students,
 * families, bands and the classes still running; teachers: the studio, colleagues, their students
 * with their families, and their classes; parents and students: the studio and their (children's)
 * teachers, with the child each teaches.
 */
export async function recipientChoices(actor: Actor, studioId: string): Promise<RecipientChoices> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  const today = todayIn(studio.timeZone);
  const base: RecipientChoices = { studio: { name: studio.name }, teachers: [], students: [], families: [], bands: [], classes: [] };
  if (isStudioAdmin(member)) return { ...base, ...(await adminChoices(studioId, today)) };
  if (member.role === "teacher" && member.teacherId) return { ...base, ...(await teacherChoices(studioId, member.teacherId, today)) };
  return { ...base, teachers: await householdTeachers(studioId, member) };
}

const entities = () => messagingDb().entities;

async function listedTeachers(studioId: string) {
  const { data } = await entities().teacher.query.teachersByName({ studioId, listing: "listed" }).go({ limit: LIMIT });
  return data.filter(live).map((t) => ({ id: t.teacherId, name: fullName(t), detail: null }));
}

const runningClasses = (slots: { slotId: string; courseName: string; termEnd: string; weekday: number; startTime: string }[], today: string) =>
  slots.filter((s) => s.termEnd >= today).map((s) => ({ id: s.slotId, name: s.courseName, detail: `${WEEKDAYS[s.weekday] ?? ""} ${s.startTime}`.trim() }));
const WEEKDAYS = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

async function adminChoices(studioId: string, today: string) {
  const [teachers, students, families, bands, slots] = await Promise.all([
    listedTeachers(studioId),
    entities().student.query.studentsByName({ studioId, listing: "listed" }).go({ limit: LIMIT }),
    entities().family.query.familiesByName({ studioId, listing: "listed" }).go({ limit: LIMIT }),
    entities().band.query.bandsByName({ studioId, listing: "listed" }).go({ limit: LIMIT }),
    entities().classSlot.query.classSlot({ studioId }).go({ limit: LIMIT }),
  ]);
  return {
    teachers,
    students: students.data.filter(live).map((s) => ({ id: s.studentId, name: fullName(s), detail: s.familyId ?? null })),
    families: families.data.filter(live).map((f) => ({ id: f.familyId, name: f.name, detail: null })),
    bands: bands.data.filter(live).map((b) => ({ id: b.bandId, name: b.name, detail: null })),
    classes: runningClasses(slots.data, today),
  };
}

async function teacherChoices(studioId: string, teacherId: string, today: string) {
  const [teachers, students, slots] = await Promise.all([
    listedTeachers(studioId),
    entities().student.query.studentsByTeacher({ studioId, primaryTeacherId: teacherId, listing: "listed" }).go({ limit: LIMIT }),
    entities().classSlot.query.slotsByTeacher({ studioId, teacherId }).go({ limit: LIMIT }),
  ]);
  const mine = students.data.filter(live);
  const familyIds = [...new Set(mine.flatMap((s) => (s.familyId ? [s.familyId] : [])))];
  const families = (await readMany(familyIds.map((familyId) => itemOf(entities().family, { studioId, familyId })))).filter(live);
  return {
    teachers: teachers.filter((t) => t.id !== teacherId),
    students: mine.map((s) => ({ id: s.studentId, name: fullName(s), detail: s.familyId ?? null })),
    families: families.map((f) => ({ id: f.familyId, name: f.name, detail: null })),
    classes: runningClasses(slots.data, today),
  };
}

/** A family's or a student's teachers: each child's primary teacher, with the children they teach. */
async function householdTeachers(studioId: string, member: StudioMember) {
  let children: { studentId: string; firstName: string; primaryTeacherId?: string; deletedAt?: string }[] = [];
  if (member.role === "parent" && member.familyId) {
    const { data } = await entities().family.get({ studioId, familyId: member.familyId }).go();
    const ids = live(data) ? [...(data.studentIds ?? [])] : [];
    children = (await readMany(ids.map((studentId) => itemOf(entities().student, { studioId, studentId })))).filter(live);
  } else if (member.role === "student" && member.studentId) {
    const { data } = await entities().student.get({ studioId, studentId: member.studentId }).go();
    children = live(data) ? [data] : [];
  }
  const byTeacher = new Map<string, string[]>();
  for (const child of children) {
    if (!child.primaryTeacherId || child.primaryTeacherId === "none") continue;
    byTeacher.set(child.primaryTeacherId, [...(byTeacher.get(child.primaryTeacherId) ?? []), child.firstName]);
  }
  const teachers = (await readMany([...byTeacher.keys()].map((teacherId) => itemOf(entities().teacher, { studioId, teacherId })))).filter(live);
  return teachers.map((t) => ({
    id: t.teacherId,
    name: fullName(t),
    detail: member.role === "parent" ? `teaches ${byTeacher.get(t.teacherId)!.join(" and ")}` : null,
  }));
}
