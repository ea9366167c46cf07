import { ADMINS, MEMBERS, NON_ADMINS, except, s, type RowModule } from "./rows";

/** A local date a week ahead, so the search covers the future whenever the matrix runs. */
const nextWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** Teacher A's working week in every row that sets it (make-ups are booked inside it: makeups.rows.ts). */
export const TEACHER_A_HOURS = [{ weekday: 2, start: "15:00", end: "19:00" }];

/** Working hours: every member reads them; admins and the teacher themself set them. Free slots: every member. */
export const availabilityRows: RowModule = {
  rows: {
    "GET /v1/studios/{studioId}/availability": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/availability") },
    "GET /v1/studios/{studioId}/availability/{teacherId}": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, `/availability/${w.teacherA}`) },
    "PUT /v1/studios/{studioId}/availability/{teacherId}": {
      action: "availability.set",
      allow: [...ADMINS, "teacherOwn"],
      forbid: except(NON_ADMINS, "teacherOwn"),
      path: (w) => s(w, `/availability/${w.teacherA}`),
      body: () => ({ weeklyHours: TEACHER_A_HOURS }),
    },
    "GET /v1/studios/{studioId}/free-slots": {
      action: "studio.read",
      allow: MEMBERS,
      path: (w) => s(w, `/free-slots?teacherId=${w.teacherA}&from=${nextWeek()}&to=${nextWeek()}&durationMinutes=30`),
    },
  },
};
