import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { lessonWithParties, patchLesson } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addTeacher } from "./support/people";

describe("issue 10 #14: substitutes are set by admins and the lesson's own teacher keeps their rights", () => {
  it("refuses a teacher handing their lesson (or taking it back), and keeps the original teacher's rights after an admin's substitution", async () => {
    const owner = await ownerWithStudio();
    const { teacher, lesson } = await lessonWithParties(owner, { days: 6, hourUtc: 10 });
    const colleague = await addTeacher(owner);
    const [original, substitute, admin] = await Promise.all([
      memberWithRole(owner, "teacher", { teacherId: teacher.id }),
      memberWithRole(owner, "teacher", { teacherId: colleague.id }),
      memberWithRole(owner, "admin"),
    ]);
    const lessonPath = `/v1/studios/${owner.studio.id}/lessons/${lesson.id}`;
    const notesPath = `${lessonPath}/notes`;
    const note = await api("POST", notesPath, { token: original.accessToken, body: { summary: "Private: scales were shaky" } });
    expect(note.status, JSON.stringify(note.body)).toBe(201);

    // The teacher cannot give the lesson (and its private notes) to a colleague.
    const handed = await patchLesson(owner, lesson.id, { substituteTeacherId: colleague.id }, original.accessToken);
    expect(handed.status).toBe(403);
    expect(handed.body.errors[0].path).toBe("substituteTeacherId");
    expect((await api("GET", lessonPath, { token: substitute.accessToken })).status).toBe(404);
    expect((await api("GET", notesPath, { token: substitute.accessToken })).status).toBe(404);

    // An admin sets the substitute: the substitute sees the lesson and its notes.
    const set = await patchLesson(owner, lesson.id, { substituteTeacherId: colleague.id }, admin.accessToken);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ teacherId: colleague.id, originalTeacherId: teacher.id });
    expect((await api("GET", lessonPath, { token: substitute.accessToken })).status).toBe(200);
    const subNotes = await api("GET", notesPath, { token: substitute.accessToken });
    expect(subNotes.body.items.map((n: { summary: string }) => n.summary)).toEqual(["Private: scales were shaky"]);

    // The original teacher still sees and changes the lesson and its notes…
    expect((await api("GET", lessonPath, { token: original.accessToken })).status).toBe(200);
    const retitled = await patchLesson(owner, lesson.id, { title: "Scales and arpeggios" }, original.accessToken);
    expect(retitled.status, JSON.stringify(retitled.body)).toBe(200);
    expect(retitled.body.teacherId).toBe(colleague.id);
    const notes = await api("GET", notesPath, { token: original.accessToken });
    expect(notes.body.items.map((n: { summary: string }) => n.summary)).toEqual(["Private: scales were shaky"]);
    const edited = await api("PATCH", `${notesPath}/${note.body.id}`, { token: original.accessToken, body: { summary: "Scales better" } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await api("POST", notesPath, { token: original.accessToken, body: { summary: "For the substitute: start with scales" } })).status).toBe(201);

    // …and neither teacher moves the substitution itself: the substitute cannot pass it on or hand it back.
    const third = await addTeacher(owner);
    expect((await patchLesson(owner, lesson.id, { substituteTeacherId: third.id }, substitute.accessToken)).status).toBe(403);
    expect((await patchLesson(owner, lesson.id, { substituteTeacherId: null }, original.accessToken)).status).toBe(403);
    const back = await patchLesson(owner, lesson.id, { substituteTeacherId: null }, admin.accessToken);
    expect(back.body).toMatchObject({ teacherId: teacher.id, originalTeacherId: null });
    expect((await api("GET", lessonPath, { token: substitute.accessToken })).status).toBe(404);
  });
});
