import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { awaitMail, type SentMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { bookLesson, futureAt, patchLesson } from "./support/lessons";
import { addStudent, addTeacher } from "./support/people";

/** The iMIP part of a sent message (text/calendar with its method), parsed back with ical.js. */
function invite(mail: SentMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(part.content, "base64").toString("utf8")));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    status: event.component.getFirstPropertyValue("status"),
    organizer: String(event.component.getFirstPropertyValue("organizer")),
    attendee: String(event.component.getFirstPropertyValue("attendee")),
    ics: mail.attachments.some((a) => a.filename === "invite.ics"),
  };
}

const mailAbout = (to: string, subject: string) => awaitMail(to, (m) => (m.subject.startsWith(subject) ? m : undefined));

describe("issue 12: booking, moving and cancelling a lesson sends the family calendar invitations (iMIP)", () => {
  it("REQUEST on booking, an updated REQUEST (same UID, higher SEQUENCE) on a move, CANCEL on cancelling", async () => {
    const owner = await ownerWithStudio({ timeZone: "Europe/London" });
    const studioEmail = uniqueEmail("frontdesk").toLowerCase();
    expect((await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { email: studioEmail } })).status).toBe(200);
    const family = await api("POST", `/v1/studios/${owner.studio.id}/families`, {
      token: owner.accessToken,
      body: { name: `Family ${randomUUID().slice(0, 6)}` },
    });
    const guardianEmail = uniqueEmail("mum").toLowerCase();
    await api("POST", `/v1/studios/${owner.studio.id}/families/${family.body.id}/guardians`, {
      token: owner.accessToken,
      body: { firstName: "Mina", lastName: "Mum", relationship: "mother", email: guardianEmail },
    });
    const teacher = await addTeacher(owner);
    const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id });

    const booked = await bookLesson(owner, { teacherId: teacher.id, studentId: student.id, scheduledStart: futureAt(6, 15), roomName: "Room 2" });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const lessonId = booked.body.id as string;

    const bookingMail = await mailAbout(guardianEmail, "Lesson booked");
    expect(bookingMail.body.text).toContain("Where: Room 2");
    expect(bookingMail.body.text).toContain("Can't make it?: ");
    const request = invite(bookingMail)!;
    expect(request).toMatchObject({
      method: "REQUEST",
      uid: `${lessonId}@studiosync`,
      sequence: 0,
      start: booked.body.scheduledStart,
      status: "CONFIRMED",
      ics: true,
    });
    expect(request.organizer).toBe(`mailto:${studioEmail}`);
    expect(request.attendee).toBe(`mailto:${guardianEmail}`);

    const moved = await patchLesson(owner, lessonId, { scheduledStart: futureAt(7, 16) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const moveMail = await mailAbout(guardianEmail, "Lesson moved");
    expect(moveMail.body.text).toContain("has moved to");
    const update = invite(moveMail)!;
    expect(update).toMatchObject({ method: "REQUEST", uid: request.uid, start: moved.body.scheduledStart });
    expect(update.sequence).toBeGreaterThan(request.sequence);

    const cancelled = await api("POST", `/v1/studios/${owner.studio.id}/lessons/${lessonId}/cancel`, {
      token: owner.accessToken,
      body: { reason: "Teacher ill" },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const cancelMail = await mailAbout(guardianEmail, "Lesson cancelled");
    const cancel = invite(cancelMail)!;
    expect(cancel).toMatchObject({ method: "CANCEL", uid: request.uid, status: "CANCELLED" });
    expect(cancel.sequence).toBeGreaterThanOrEqual(update.sequence);
  });
});
