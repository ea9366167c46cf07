import { api, ownerWithStudio, uniqueEmail } from "./api";
import { addStudent, addTeacher, memberWithRole } from "./people";

/** A studio with a teacher (signed in), a family with a guardian (signed in) and their child (a cellist), taught by the teacher. */
export async function conversationWorld() {
  const owner = await ownerWithStudio();
  const studioId = owner.studio.id;
  const teacherEmail = uniqueEmail("teacher").toLowerCase();
  const teacher = await addTeacher(owner, { firstName: "Tara", email: teacherEmail });
  const family = await api("POST", `/v1/studios/${studioId}/families`, { token: owner.accessToken, body: { name: "Lopez Family" } });
  const guardianEmail = uniqueEmail("parent").toLowerCase();
  const guardian = await api("POST", `/v1/studios/${studioId}/families/${family.body.id}/guardians`, {
    token: owner.accessToken,
    body: { firstName: "Paula", lastName: "Lopez", relationship: "mother", email: guardianEmail },
  });
  const student = await addStudent(owner, { firstName: "Leo", familyId: family.body.id, primaryTeacherId: teacher.id, instrument: "Cello" });
  const teacherLogin = await memberWithRole(owner, "teacher", { teacherId: teacher.id });
  const parentLogin = await memberWithRole(owner, "parent", { familyId: family.body.id, guardianId: guardian.body.id });
  return {
    owner,
    studioId,
    teacher: { ...teacher, email: teacherEmail, token: teacherLogin.accessToken, party: `teacher:${teacher.id}` },
    family: { id: family.body.id as string },
    guardian: { id: guardian.body.id as string, email: guardianEmail, token: parentLogin.accessToken, party: `guardian:${family.body.id}:${guardian.body.id}` },
    student,
  };
}
