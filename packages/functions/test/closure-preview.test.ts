import { zonedInstant } from "@studiosync/core/kernel";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { bookLesson } from "./support/lessons";
import { memberWithRole } from "./support/members";
import { addStudent, addTeacher } from "./support/people";

const ZONE = "America/New_York";
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, time: string) => zonedInstant(date, time, ZONE).toISOString();

describe("GET /v1/studios/{studioId}/closures/preview", () => {
  it("lists the lessons a closure would cancel with their names and the credits, and cancels nothing", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const teacher = await addTeacher(owner, { firstName: "Tia", lastName: "Tone" });
    const student = await addStudent(owner, { firstName: "Ann", lastName: "Arp", primaryTeacherId: teacher.id });
    const day = dateIn(25);
    const inside = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: at(day, "10:00") });
    const outside = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: at(dateIn(26), "10:00") });
    expect([inside.status, outside.status]).toEqual([201, 201]);
    const preview = (query: string, token = owner.accessToken) => api("GET", `/v1/studios/${owner.studio.id}/closures/preview?${query}`, { token });

    const res = await preview(`startDate=${day}&endDate=${day}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      startDate: day,
      endDate: day,
      lessonCount: 1,
      creditCount: 1,
      outcome: "credit_issued",
      explanation: "credit issued: studio closed",
    });
    expect(res.body.lessons.map((l: { id: string }) => l.id)).toEqual([inside.body.id]);
    expect(res.body.names).toMatchObject({ students: { [student.id]: "Ann Arp" }, teachers: { [teacher.id]: "Tia Tone" } });
    const lesson = await api("GET", `/v1/studios/${owner.studio.id}/lessons/${inside.body.id}`, { token: owner.accessToken });
    expect(lesson.body.status).toBe("scheduled");

    const policy = await api("PUT", `/v1/studios/${owner.studio.id}/cancellation-policy`, {
      token: owner.accessToken,
      body: {
        noticeHours: 24,
        issueMakeupCredit: false,
        maxCreditsPerTerm: null,
        termLength: "quarter",
        creditExpiryDays: 90,
        reminderLeadHours: 24,
        horizonWeeks: 12,
      },
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    const noCredits = await preview(`startDate=${day}&endDate=${dateIn(26)}`);
    expect(noCredits.body).toMatchObject({ lessonCount: 2, creditCount: 0, outcome: "no_credit" });
  });

  it("names bad dates, and is for admins of the studio only", async () => {
    const owner = await ownerWithStudio({ timeZone: ZONE });
    const preview = (query: string, token = owner.accessToken, studioId = owner.studio.id) =>
      api("GET", `/v1/studios/${studioId}/closures/preview?${query}`, { token });
    const backwards = await preview(`startDate=${dateIn(6)}&endDate=${dateIn(5)}`);
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: "endDate" })]);
    const past = await preview(`startDate=${dateIn(-9)}&endDate=${dateIn(-8)}`);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: "endDate", message: "must not be in the past" })]);
    const teacher = await memberWithRole(owner, "teacher");
    expect((await preview(`startDate=${dateIn(5)}&endDate=${dateIn(5)}`, teacher.accessToken)).status).toBe(403);
    const other = await ownerWithStudio();
    expect((await preview(`startDate=${dateIn(5)}&endDate=${dateIn(5)}`, owner.accessToken, other.studio.id)).status).toBe(404);
  });
});
