import { randomUUID } from "node:crypto";
import { setPreference } from "@studiosync/core/notifications";
import { occurrenceLessonId } from "@studiosync/core/planning";
import { DEFAULT_SCHEDULING_SETTINGS, scheduleDb } from "@studiosync/core/scheduling";
import { addDays, localParts, offsetMinutes, zonedInstant } from "@studiosync/core/kernel";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { awaitMail, type SentMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";
import { patchLesson } from "./support/lessons";
import { addStudent, addTeacher } from "./support/people";

const ZONE = "Europe/London";

/** The iMIP part of a sent message parsed back with ical.js (its VTIMEZONE registered, so TZID times resolve). */
function calendarOf(mail: SentMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(part.content, "base64").toString("utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { method: calendar.getFirstPropertyValue("method") as string, events };
}

/** Every occurrence of a series (RRULE minus EXDATE), as instants, with ical.js's own expansion. */
function expand(event: ICAL.Event): Date[] {
  const out: Date[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && out.length < 500; next = it.next()) out.push(next.toJSDate());
  return out;
}

const at = (date: string, time: string) => zonedInstant(date, time, ZONE).toISOString();
const iso = (time: ICAL.Time | null | undefined) => time!.toJSDate().toISOString();
const mailAbout = (to: string, subject: string, pick: (mail: SentMail) => boolean = () => true) =>
  awaitMail(to, (m) => (m.subject.startsWith(subject) && pick(m) ? m : undefined));

/** The first local date after `from` whose UTC offset differs from the day before: a DST change. */
function nextDstChange(from: string) {
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  for (let date = from; ; date = addDays(date, 1)) if (offsetMinutes(noon(addDays(date, 1)), ZONE) !== offsetMinutes(noon(date), ZONE)) return addDays(date, 1);
}

/** A London studio materialising a year ahead, a teacher, and Sam with two guardians (Dev stopped calendar invitations). */
async function familyStudio() {
  const owner = await ownerWithStudio({ timeZone: ZONE });
  const studioId = owner.studio.id;
  await scheduleDb()
    .entities.schedulingSettings.put({ studioId, ...DEFAULT_SCHEDULING_SETTINGS, horizonWeeks: 52 })
    .go();
  const family = await api("POST", `/v1/studios/${studioId}/families`, { token: owner.accessToken, body: { name: `Family ${randomUUID().slice(0, 6)}` } });
  const [mum, dad] = [uniqueEmail("mum").toLowerCase(), uniqueEmail("dad").toLowerCase()];
  for (const [firstName, email] of [
    ["Mina", mum],
    ["Dev", dad],
  ] as const) {
    const g = await api("POST", `/v1/studios/${studioId}/families/${family.body.id}/guardians`, {
      token: owner.accessToken,
      body: { firstName, lastName: "Parent", relationship: "guardian", email },
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
  }
  await setPreference(studioId, dad, "calendar-invites", false, "preferences");
  const teacher = await addTeacher(owner);
  const student = await addStudent(owner, { primaryTeacherId: teacher.id, familyId: family.body.id, firstName: "Sam" });
  return { owner, studioId, mum, dad, teacher, student };
}

const createPattern = (s: Awaited<ReturnType<typeof familyStudio>>, body: Record<string, unknown>) =>
  api("POST", `/v1/studios/${s.studioId}/recurring-patterns`, {
    token: s.owner.accessToken,
    body: { teacherId: s.teacher.id, studentId: s.student.id, frequency: "weekly", startTime: "16:00", durationMinutes: 45, roomName: "Room 2", ...body },
  });

describe("issue 12: a recurring pattern is one calendar series in families' calendars (iMIP with RRULE)", () => {
  it("sends the series on create (RRULE, EXDATE for a closure, TZID across DST), per-occurrence CANCEL and moves, closures later, and the new end", async () => {
    const s = await familyStudio();
    const { owner, studioId, mum, dad } = s;

    // Ten Tuesdays-or-whatever at 16:00 London time, crossing a DST change; the third is on a closure known already.
    const today = localParts(new Date(), ZONE).date;
    const change = nextDstChange(addDays(today, 1));
    const start = [addDays(today, 1), addDays(change, -21)].sort().pop()!;
    const closedEarly = addDays(start, 14);
    await scheduleDb()
      .entities.closure.create({ studioId, closureId: randomUUID(), startDate: closedEarly, endDate: closedEarly, reason: "Half term", createdBy: "test" })
      .go();
    const created = await createPattern(s, { startDate: start, endDate: addDays(start, 63) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const patternId = created.body.id as string;
    const uid = `${patternId}@studiosync`;

    const bookedMail = await mailAbout(mum, "Regular lessons booked");
    expect(bookedMail.body.text).toContain("Sam");
    expect(bookedMail.body.text).toContain("16:00–16:45 (Europe/London)");
    expect(bookedMail.body.text).toContain("Where: Room 2");
    const series = calendarOf(bookedMail)!;
    expect(series.method).toBe("REQUEST");
    expect(series.events).toHaveLength(1);
    const master = series.events[0]!;
    expect(master.uid).toBe(uid);
    expect(master.isRecurring()).toBe(true);
    expect(master.startDate.zone?.tzid).toBe(ZONE);
    expect(iso(master.startDate)).toBe(at(start, "16:00"));
    expect(iso(master.endDate)).toBe(at(start, "16:45"));
    const rule = master.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    const occurrences = expand(master);
    const expected = Array.from({ length: 10 }, (_, i) => addDays(start, 7 * i)).filter((d) => d !== closedEarly);
    expect(occurrences.map((d) => localParts(d, ZONE).date)).toEqual(expected);
    for (const occurrence of occurrences) expect(localParts(occurrence, ZONE).time).toBe("16:00");
    // The DST change falls inside the series: 16:00 local is two different UTC hours.
    expect(new Set(occurrences.map((d) => d.toISOString().slice(11, 16))).size).toBe(2);
    expect(iso(master.component.getFirstPropertyValue("exdate") as ICAL.Time)).toBe(at(closedEarly, "16:00"));

    // An address that stopped invitations gets the email, without the calendar part.
    const dadMail = await mailAbout(dad, "Regular lessons booked");
    expect(calendarOf(dadMail)).toBeUndefined();
    expect(dadMail.attachments).toHaveLength(0);

    // One occurrence cancelled: CANCEL of that occurrence only (series UID + RECURRENCE-ID).
    const second = addDays(start, 7);
    const cancelled = await api("POST", `/v1/studios/${studioId}/lessons/${occurrenceLessonId(patternId, second)}/cancel`, {
      token: owner.accessToken,
      body: { reason: "Teacher ill" },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const cancel = calendarOf(await mailAbout(mum, "Lesson cancelled"))!;
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events).toHaveLength(1);
    expect(cancel.events[0]!.uid).toBe(uid);
    expect(iso(cancel.events[0]!.recurrenceId)).toBe(at(second, "16:00"));
    expect(cancel.events[0]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(calendarOf(await mailAbout(dad, "Lesson cancelled"))).toBeUndefined();

    // One occurrence moved (after the DST change) to 17:30: REQUEST for that occurrence at its new time.
    const fifth = addDays(start, 28);
    const moved = await patchLesson(owner, occurrenceLessonId(patternId, fifth), { scheduledStart: at(fifth, "17:30") });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const move = calendarOf(await mailAbout(mum, "Lesson moved"))!;
    expect(move.method).toBe("REQUEST");
    expect(move.events[0]!.uid).toBe(uid);
    expect(iso(move.events[0]!.recurrenceId)).toBe(at(fifth, "16:00"));
    expect(iso(move.events[0]!.startDate)).toBe(at(fifth, "17:30"));
    expect(localParts(move.events[0]!.startDate.toJSDate(), ZONE).time).toBe("17:30");

    // A closure made later cancels the materialised occurrence in it: CANCEL with its RECURRENCE-ID, in the closure's one email.
    const sixth = addDays(start, 35);
    const closure = await api("POST", `/v1/studios/${studioId}/closures`, {
      token: owner.accessToken,
      body: { startDate: sixth, endDate: sixth, reason: "Boiler repair" },
    });
    expect(closure.status, JSON.stringify(closure.body)).toBe(201);
    const closureMail = await mailAbout(mum, "", (m) => m.body.text?.includes("Boiler repair") ?? false);
    const closed = calendarOf(closureMail)!;
    expect(closed.method).toBe("CANCEL");
    expect(closed.events.map((e) => [e.uid, iso(e.recurrenceId)])).toEqual([[uid, at(sixth, "16:00")]]);

    // Ended from the eighth: the series again with UNTIL = the seventh, a higher SEQUENCE, and what changed meanwhile.
    const ended = await api("POST", `/v1/studios/${studioId}/recurring-patterns/${patternId}/end`, {
      token: owner.accessToken,
      body: { effectiveFrom: addDays(start, 49) },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const endMail = await mailAbout(mum, "Lessons end");
    const update = calendarOf(endMail)!;
    expect(update.method).toBe("REQUEST");
    const [updated, override] = update.events;
    expect(updated!.uid).toBe(uid);
    expect(updated!.sequence).toBeGreaterThan(master.sequence);
    expect(iso((updated!.component.getFirstPropertyValue("rrule") as ICAL.Recur).until)).toBe(at(addDays(start, 42), "16:00"));
    const left = expand(updated!).map((d) => localParts(d, ZONE).date);
    expect(left).toEqual([start, addDays(start, 21), addDays(start, 28), addDays(start, 42)]);
    expect(override!.uid).toBe(uid);
    expect(iso(override!.recurrenceId)).toBe(at(fifth, "16:00"));
    expect(iso(override!.startDate)).toBe(at(fifth, "17:30"));
    expect(calendarOf(await mailAbout(dad, "Lessons end"))).toBeUndefined();
  });

  it("a change from a date ends the old series (UNTIL, higher SEQUENCE) and sends the changed lessons as a new series", async () => {
    const s = await familyStudio();
    const start = addDays(localParts(new Date(), ZONE).date, 1);
    const created = await createPattern(s, { startDate: start, endDate: addDays(start, 35) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const first = calendarOf(await mailAbout(s.mum, "Regular lessons booked"))!.events[0]!;

    const changed = await api("PATCH", `/v1/studios/${s.studioId}/recurring-patterns/${created.body.id}`, {
      token: s.owner.accessToken,
      body: { effectiveFrom: addDays(start, 14), startTime: "17:00" },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const endMail = await mailAbout(s.mum, "Lessons end");
    expect(endMail.body.text).toContain("the next email brings the new times");
    const ended = calendarOf(endMail)!.events[0]!;
    expect(ended.uid).toBe(first.uid);
    expect(ended.sequence).toBeGreaterThan(first.sequence);
    expect(expand(ended).map((d) => localParts(d, ZONE).date)).toEqual([start, addDays(start, 7)]);

    const next = calendarOf(await mailAbout(s.mum, "Lessons changed"))!;
    expect(next.method).toBe("REQUEST");
    const series = next.events[0]!;
    expect(series.uid).toBe(`${changed.body.id}@studiosync`);
    expect(expand(series).map((d) => [localParts(d, ZONE).date, localParts(d, ZONE).time])).toEqual(
      [14, 21, 28, 35].map((days) => [addDays(start, days), "17:00"]),
    );
    expect(calendarOf(await mailAbout(s.dad, "Lessons changed"))).toBeUndefined();
  });

  it("a closure on dates a series reaches beyond its lessons takes those occurrences out of the calendars", async () => {
    const s = await familyStudio();
    await scheduleDb()
      .entities.schedulingSettings.put({ studioId: s.studioId, ...DEFAULT_SCHEDULING_SETTINGS, horizonWeeks: 1 })
      .go();
    const start = addDays(localParts(new Date(), ZONE).date, 1);
    const created = await createPattern(s, { startDate: start });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const series = calendarOf(await mailAbout(s.mum, "Regular lessons booked"))!.events[0]!;
    expect(series.component.getFirstPropertyValue("rrule")!.toString()).not.toContain("UNTIL");

    const off = addDays(start, 28);
    const closure = await api("POST", `/v1/studios/${s.studioId}/closures`, {
      token: s.owner.accessToken,
      body: { startDate: addDays(off, -1), endDate: addDays(off, 1), reason: "Floor works" },
    });
    expect(closure.status, JSON.stringify(closure.body)).toBe(201);
    expect(closure.body.cancelledLessonCount).toBe(0);
    const mail = await mailAbout(s.mum, "No lessons while the studio is closed");
    expect(mail.body.text).toContain("Floor works");
    const cancel = calendarOf(mail)!;
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events.map((e) => [e.uid, iso(e.recurrenceId)])).toEqual([[series.uid, at(off, "16:00")]]);
    expect(cancel.events[0]!.sequence).toBeGreaterThan(series.sequence);
    expect(calendarOf(await mailAbout(s.dad, "No lessons while the studio is closed"))).toBeUndefined();
  });
});
