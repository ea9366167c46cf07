import { may, type Actor } from "../../policy";
import { loadTeacher } from "./teacher-access";
import { toTeacher } from "./teacher-view";

/** One teacher of the directory (any member), in one DynamoDB call. */
export async function getTeacher(actor: Actor, studioId: string, teacherId: string) {
  const { member, teacher } = await loadTeacher(actor, studioId, teacherId);
  return toTeacher(teacher, { showPay: may(member, "teacher.edit", { teacherId }) });
}
