import { api } from "../support/api";
import { TEACHER_A_HOURS } from "./availability.rows";
import { MEMBERS, SEE_S1, adminOnly, s, type RowModule, type World } from "./rows";

/**
 * Cancellation policy (every member reads it, admins set it), cancelling a lesson (whoever may
 * see lesson L1-like lessons of teacher A with S1: admins, teacher A, S1, S1's parent), S1's
 * make-up credits (admins, S1's teacher, S1, S1's parent) and closures (members read, admins
 * change). Lessons here are booked in 2093 and closures set in 2094, two hours or a day apart,
 * so nothing conflicts with other rows and no closure cancels another row's lesson. Make-ups are
 * booked a week apart on Tuesdays at 16:00 New York time, inside teacher A's working hours (S1 and
 * their parent book only the teacher's free slots).
 */
let lessonSlot = 0;
let makeupSlot = 0;
let closureDay = 0;
const at = (base: string, step: number, hours: number) => new Date(Date.parse(base) + step * hours * 3_600_000).toISOString();
const nextLessonStart = () => at("2093-03-01T08:00:00Z", lessonSlot++, 2);
const nextMakeupStart = () => at("2093-09-01T20:00:00Z", makeupSlot++, 7 * 24);
const nextClosureDate = () => at("2094-01-05T12:00:00Z", closureDay++, 24).slice(0, 10);

async function send(w: World, method: "POST" | "PUT", path: string, body: unknown): Promise<any> {
  const res = await api(method, s(w, path), { token: w.owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const post = (w: World, path: string, body: unknown) => send(w, "POST", path, body);

/** A lesson of teacher A with S1 (like L1), to be cancelled. */
const newLesson = (w: World): Promise<{ id: string }> =>
  post(w, "/lessons", { teacherId: w.teacherA, studentId: w.studentS1, type: "private", scheduledStart: nextLessonStart(), durationMinutes: 30 });

/** A make-up credit of S1: a lesson the studio cancelled. */
async function newCredit(w: World): Promise<{ id: string }> {
  const lesson = await newLesson(w);
  const cancelled = await post(w, `/lessons/${lesson.id}/cancel`, { reason: "Matrix" });
  return { id: cancelled.cancellation.creditId };
}

const newClosure = (w: World): Promise<{ id: string }> => {
  const day = nextClosureDate();
  return post(w, "/closures", { startDate: day, endDate: day, reason: "Matrix" });
};

const POLICY = {
  noticeHours: 24,
  issueMakeupCredit: true,
  maxCreditsPerTerm: 3,
  termLength: "quarter",
  creditExpiryDays: 90,
  reminderLeadHours: 24,
  horizonWeeks: 12,
};

export const makeupRows: RowModule = {
  prepare: async (w) => {
    await send(w, "PUT", `/availability/${w.teacherA}`, { weeklyHours: TEACHER_A_HOURS });
    return {
      cancelTarget: (await newLesson(w)).id,
      creditC1: (await newCredit(w)).id,
      closureC1: (await newClosure(w)).id,
    };
  },
  rows: {
    "GET /v1/studios/{studioId}/cancellation-policy": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/cancellation-policy") },
    "PUT /v1/studios/{studioId}/cancellation-policy": adminOnly({
      action: "cancellation-policy.set",
      path: (w) => s(w, "/cancellation-policy"),
      body: () => POLICY,
    }),

    "POST /v1/studios/{studioId}/lessons/{lessonId}/cancel": {
      action: "lesson.cancel",
      allow: SEE_S1,
      path: (w, t) => s(w, `/lessons/${t}/cancel`),
      body: () => ({ reason: "Matrix" }),
      target: (w) => w.extra.cancelTarget!,
      fresh: newLesson,
    },
    // Whoever may cancel a lesson previews the outcome; nothing changes, so L1 serves every call.
    "GET /v1/studios/{studioId}/lessons/{lessonId}/cancellation-preview": {
      action: "lesson.cancel",
      allow: SEE_S1,
      path: (w) => s(w, `/lessons/${w.lessonL1}/cancellation-preview`),
    },

    "GET /v1/studios/{studioId}/makeup-credits": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/makeup-credits?studentId=${w.studentS1}`) },
    "POST /v1/studios/{studioId}/makeup-credits/{creditId}/book": {
      action: "student.view",
      allow: SEE_S1,
      path: (w, t) => s(w, `/makeup-credits/${t}/book`),
      body: () => ({ scheduledStart: nextMakeupStart() }),
      target: (w) => w.extra.creditC1!,
      fresh: newCredit,
    },

    "GET /v1/studios/{studioId}/closures": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/closures") },
    "GET /v1/studios/{studioId}/closures/preview": adminOnly({
      action: "closure.manage",
      path: (w) => s(w, "/closures/preview?startDate=2094-03-02&endDate=2094-03-03"),
    }),
    "POST /v1/studios/{studioId}/closures": adminOnly({
      action: "closure.manage",
      path: (w) => s(w, "/closures"),
      body: () => {
        const day = nextClosureDate();
        return { startDate: day, endDate: day, reason: "Matrix" };
      },
    }),
    "DELETE /v1/studios/{studioId}/closures/{closureId}": adminOnly({
      action: "closure.manage",
      path: (w, t) => s(w, `/closures/${t}`),
      target: (w) => w.extra.closureC1!,
      fresh: newClosure,
    }),
  },
};
