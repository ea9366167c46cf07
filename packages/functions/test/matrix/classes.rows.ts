import { addDays, localParts, weekdayOf } from "@studiosync/core/kernel";
import { api } from "../support/api";
import { ADMINS, MEMBERS, NON_ADMINS, adminOnly, except, s, type ActorName, type RowModule, type World } from "./rows";

/** POST as the owner; the created record. */
async function post(w: World, path: string, body: unknown): Promise<{ id: string } & Record<string, any>> {
  const res = await api("POST", s(w, path), { token: w.owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Who sees slot C1 (teacher A's): admins and teacher A. */
const SEE_C1: ActorName[] = [...ADMINS, "teacherOwn"];
const STAFF: ActorName[] = [...ADMINS, "teacherOwn", "teacherOther"];
const tomorrow = () => addDays(localParts(new Date(), "UTC").date, 1);

/** Each new slot a week of its own, far ahead, so repeated calls never clash with one another. */
let week = 0;
const slotBody = (w: World) => {
  const termStart = addDays("2031-01-06", 7 * week++);
  return {
    courseId: w.extra.courseC1,
    teacherId: w.teacherB,
    weekday: weekdayOf(termStart),
    startTime: "07:00",
    durationMinutes: 30,
    termStart,
    termEnd: termStart,
    capacity: 4,
  };
};
/** A student made for one allowed call (admit, waitlist, withdraw use each up). */
const freshStudent = async (w: World) => {
  const student = await post(w, "/students", { firstName: "Matrix", lastName: "Pupil" });
  w.extra.freshStudent = student.id;
  return student;
};
const plan = (w: World) => w.extra.planC1!;

export const classRows: RowModule = {
  prepare: async (w) => {
    const course = await post(w, "/courses", {
      name: "Matrix Strings",
      instrument: "Violin",
      kind: "group",
      plans: [{ name: "8 classes", classCount: 8, priceMinor: 9600, validityDays: 90 }],
    });
    const start = tomorrow();
    const slot = await post(w, "/class-slots", {
      courseId: course.id,
      teacherId: w.teacherA,
      weekday: weekdayOf(start),
      startTime: "05:00",
      durationMinutes: 30,
      termStart: start,
      termEnd: addDays(start, 7),
      capacity: 60,
    });
    await post(w, "/admissions", { slotId: slot.id, studentId: w.studentS1, planId: course.plans[0].id });
    w.extra.courseC1 = course.id;
    w.extra.planC1 = course.plans[0].id;
    w.extra.slotC1 = slot.id;
    return { courseC1: course.id, planC1: course.plans[0].id, slotC1: slot.id, lessonC1: slot.lessons[0].lessonId };
  },
  rows: {
    // Every member sees the studio's courses; admins keep them.
    "GET /v1/studios/{studioId}/courses": { action: "course.view", allow: MEMBERS, path: (w) => s(w, "/courses") },
    "POST /v1/studios/{studioId}/courses": adminOnly({
      action: "class.manage",
      path: (w) => s(w, "/courses"),
      body: () => ({
        name: "Matrix Piano",
        instrument: "Piano",
        kind: "group",
        plans: [{ name: "4 classes", classCount: 4, priceMinor: 4000, validityDays: 30 }],
      }),
    }),
    "GET /v1/studios/{studioId}/courses/{courseId}": { action: "course.view", allow: MEMBERS, path: (w) => s(w, `/courses/${w.extra.courseC1}`) },
    "PATCH /v1/studios/{studioId}/courses/{courseId}": adminOnly({
      action: "class.manage",
      path: (w) => s(w, `/courses/${w.extra.courseC1}`),
      body: () => ({ description: "Strings for beginners" }),
    }),

    // Slots: admins all of them, a teacher their own; families none (403: they see the studio, not its slots).
    "GET /v1/studios/{studioId}/class-slots": {
      action: "class-slot.view",
      allow: STAFF,
      forbid: except(MEMBERS, ...STAFF),
      path: (w) => s(w, "/class-slots"),
    },
    "POST /v1/studios/{studioId}/class-slots": adminOnly({ action: "class.manage", path: (w) => s(w, "/class-slots"), body: slotBody }),
    "GET /v1/studios/{studioId}/class-slots/{slotId}": { action: "class-slot.view", allow: SEE_C1, path: (w) => s(w, `/class-slots/${w.extra.slotC1}`) },
    "PATCH /v1/studios/{studioId}/class-slots/{slotId}": {
      action: "class.manage",
      allow: ADMINS,
      forbid: ["teacherOwn"],
      path: (w) => s(w, `/class-slots/${w.extra.slotC1}`),
      body: () => ({ capacity: 60 }),
    },
    "POST /v1/studios/{studioId}/class-slots/{slotId}/waitlist": {
      action: "class.manage",
      allow: ADMINS,
      forbid: NON_ADMINS,
      path: (w) => s(w, `/class-slots/${w.extra.slotC1}/waitlist`),
      body: (w) => ({ studentId: w.extra.freshStudent ?? w.studentS2, planId: plan(w) }),
      fresh: freshStudent,
    },
    "POST /v1/studios/{studioId}/class-slots/{slotId}/students/{studentId}/withdraw": {
      action: "class.manage",
      allow: ADMINS,
      forbid: NON_ADMINS,
      path: (w, t) => s(w, `/class-slots/${w.extra.slotC1}/students/${t || w.studentS1}/withdraw`),
      fresh: async (w) => {
        const student = await freshStudent(w);
        await post(w, "/admissions", { slotId: w.extra.slotC1, studentId: student.id, planId: plan(w) });
        return student;
      },
    },
    "GET /v1/studios/{studioId}/class-slots/{slotId}/lessons/{lessonId}/attendance": {
      action: "class-slot.view",
      allow: SEE_C1,
      path: (w) => s(w, `/class-slots/${w.extra.slotC1}/lessons/${w.extra.lessonC1}/attendance`),
    },
    "POST /v1/studios/{studioId}/class-slots/{slotId}/lessons/{lessonId}/attendance": {
      action: "class-slot.teach",
      allow: SEE_C1,
      path: (w) => s(w, `/class-slots/${w.extra.slotC1}/lessons/${w.extra.lessonC1}/attendance`),
      body: (w) => ({ entries: [{ studentId: w.studentS1, status: "excused" }] }),
    },

    "POST /v1/studios/{studioId}/admissions": {
      action: "class.manage",
      allow: ADMINS,
      forbid: NON_ADMINS,
      path: (w) => s(w, "/admissions"),
      body: (w) => ({ slotId: w.extra.slotC1, studentId: w.extra.freshStudent ?? w.studentS2, planId: plan(w) }),
      fresh: freshStudent,
    },
  },
};
