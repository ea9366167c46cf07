import { may, type Actor } from "../../policy";
import { loadStudent } from "./student-access";
import { studentFacts, toStudent } from "./student-view";

/**
 * One student, in one DynamoDB call: admins any, teachers their own students, students
 * themselves, parents their children; anyone else 404. Medical notes only for admins and teachers.
 */
export async function getStudent(actor: Actor, studioId: string, studentId: string) {
  const { member, student } = await loadStudent(actor, studioId, studentId);
  return toStudent(student, { staffOnly: may(member, "student.edit", studentFacts(student)) });
}
