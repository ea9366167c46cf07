import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { searchKeys } from "@studiosync/core/people";

/**
 * Profile records written straight through ElectroDB, so the invitation and member tests do not
 * depend on the people routes. Each returns the ids an invitation links to.
 */
export async function teacherProfile(studioId: string, firstName = "Tia", lastName = "Teacher") {
  const teacherId = randomUUID();
  await db()
    .entities.teacher.create({ studioId, teacherId, firstName, lastName, ...searchKeys(`${firstName} ${lastName}`) })
    .go();
  return { teacherId };
}

export async function studentProfile(studioId: string, firstName = "Sam", lastName = "Student") {
  const studentId = randomUUID();
  await db()
    .entities.student.create({ studioId, studentId, firstName, lastName, ...searchKeys(`${firstName} ${lastName}`) })
    .go();
  return { studentId };
}

export async function guardianProfile(studioId: string, firstName = "Pat", lastName = "Parent") {
  const familyId = randomUUID();
  const guardianId = randomUUID();
  await db()
    .entities.family.create({ studioId, familyId, name: `${lastName} family`, ...searchKeys(`${lastName} family`) })
    .go();
  await db()
    .entities.guardian.create({ studioId, familyId, guardianId, firstName, lastName, ...searchKeys(`${firstName} ${lastName}`) })
    .go();
  return { guardianId, familyId };
}

export const readTeacher = async (studioId: string, teacherId: string) => (await db().entities.teacher.get({ studioId, teacherId }).go()).data;
export const readGuardian = async (studioId: string, familyId: string, guardianId: string) =>
  (await db().entities.guardian.get({ studioId, familyId, guardianId }).go()).data;
