import { Scheduling, Teaching, type Actor } from "@studiosync/core";
import { todayIn } from "@studiosync/core/people";
import { addDays, addMonths, weekdayOf, zonedInstant } from "@studiosync/core/kernel";
import { demoSlots, LESSON_MINUTES, type DemoPeople, type DemoSlot } from "./seed-demo-schedule";

export const HISTORY_WEEKS = 4;

type Attendance = { status: "present" | "absent" | "late"; minutesLate?: number; note?: string };
const present: Attendance = { status: "present" };

/** Per student, oldest week first: mostly present, one absence, a couple of late arrivals. */
const ATTENDANCE: Record<keyof ReturnType<typeof demoSlots>, Attendance[]> = {
  anika: [present, present, { status: "late", minutesLate: 5, note: "School bus was late" }, present],
  dev: [present, { status: "absent", note: "Unwell — family emailed in the morning" }, present, present],
  sam: [present, present, present, { status: "late", minutesLate: 10 }],
};

/**
 * The month before today: each weekly lesson of the last four weeks (booked one by one — a
 * recurring pattern starts today at the earliest), its attendance taken and the lesson marked
 * completed (or a no-show) by the teacher, notes on
 * the latest lessons (some the parent sees), goals, two of Clara's lesson plans (one shared) and the practice the Patels logged. Lessons are
 * booked by the owner; Clara, the demo teacher, marks and writes about her own lessons.
 */
export async function seedDemoHistory(actors: { owner: Actor; teacher: Actor; parent: Actor }, studioId: string, timeZone: string, people: DemoPeople) {
  const today = todayIn(timeZone);
  const slots = demoSlots(people);
  const lessonsOf: Record<string, string[]> = {};
  // One student's weeks in order; the students side by side (seeding stays a few seconds).
  const bookWeeks = async ([name, slot]: [keyof typeof slots, DemoSlot]) => {
    const teacherActor = slot.teacherId === people.clara ? actors.teacher : actors.owner;
    const dates = pastWeekdays(today, slot.dayOfWeek, HISTORY_WEEKS);
    lessonsOf[name] = [];
    for (const [week, date] of dates.entries()) {
      const lesson = await Scheduling.createLesson(
        actors.owner,
        studioId,
        Scheduling.createLessonSchema.parse({
          teacherId: slot.teacherId,
          studentId: slot.studentId,
          scheduledStart: zonedInstant(date, slot.startTime, timeZone).toISOString(),
          durationMinutes: LESSON_MINUTES,
          roomName: slot.roomName,
        }),
      );
      lessonsOf[name].push(lesson.id);
      const mark = ATTENDANCE[name][week]!;
      await Scheduling.markAttendance(
        teacherActor,
        studioId,
        lesson.id,
        Scheduling.markAttendanceSchema.parse({ entries: [{ studentId: slot.studentId, ...mark }] }),
      );
      const status = mark.status === "absent" ? "no_show" : "completed";
      await Scheduling.updateLesson(teacherActor, studioId, lesson.id, Scheduling.updateLessonSchema.parse({ status }));
    }
  };
  await Promise.all((Object.entries(slots) as [keyof typeof slots, DemoSlot][]).map(bookWeeks));

  const note = (actor: Actor, lessonId: string, body: Record<string, unknown>) =>
    Teaching.createLessonNote(actor, studioId, lessonId, Teaching.createLessonNoteSchema.parse(body));
  const [anikaBefore, anikaLast] = lessonsOf.anika!.slice(-2) as [string, string];
  const goal = (studentId: string, body: Record<string, unknown>) =>
    Teaching.createGoal(actors.teacher, studioId, Teaching.createGoalSchema.parse({ studentId, ...body }));
  const practice = (studentId: string, daysAgo: number, minutes: number, pieces: string[]) =>
    Teaching.createPracticeLog(
      actors.parent,
      studioId,
      Teaching.createPracticeLogSchema.parse({ studentId, practisedOn: addDays(today, -daysAgo), minutes, pieces }),
    );
  const plan = (body: Record<string, unknown>) => Teaching.createLessonPlan(actors.teacher, studioId, Teaching.createLessonPlanSchema.parse(body));
  await Promise.all([
    plan({
      title: "First piano lesson: posture and middle C",
      description: "For a beginner's first or second lesson: how to sit, hand shape, and finding notes around middle C.",
      specialty: "Piano",
      durationMinutes: 30,
      objectives: ["Sit at the right height and distance", "Curved fingers, relaxed wrists", "Find every C on the keyboard"],
      materials: ["Adjustable bench", "Piano Adventures Primer, pages 4–9"],
      activities: ["Posture check with a mirror", "Black-key groups game", "Middle C position: five-finger melody", "Set ten minutes a day of home practice"],
      tags: ["beginner", "technique"],
      isPublic: true,
    }),
    plan({
      title: "Grade 2 exam: scales and aural run-through",
      specialty: "Piano",
      durationMinutes: 45,
      objectives: ["Scales hands together at exam tempo", "Clap back a rhythm after two hearings"],
      activities: ["Scales from memory in the exam's order", "Aural: echo singing and clapping", "One exam piece as a mock performance"],
      tags: ["exam", "grade 2"],
    }),
    note(actors.teacher, anikaBefore, {
      summary: "Worked on the left hand of the minuet; counting out loud helped the dotted rhythms.",
      topicsCovered: ["Minuet in G", "Dotted rhythms"],
      challenges: ["Keeping the left hand quiet"],
      visibleToParent: false,
    }),
    note(actors.teacher, anikaLast, {
      summary: "Lovely progress: the minuet is up to tempo with both hands. Ready to start the exam pieces.",
      topicsCovered: ["Minuet in G", "G major scale, hands together"],
      strengths: ["Steady pulse", "Good posture"],
      homework: "Ten minutes a day: G major scale hands together, then the minuet once slowly and once at tempo.",
      visibleToParent: true,
      visibleToStudent: true,
    }),
    note(actors.owner, lessonsOf.dev!.at(-1)!, {
      summary: "Clean chord changes between G, C and D. Strumming pattern still rushes in the chorus.",
      assignments: ["Play along with the backing track at 80 bpm"],
      visibleToParent: true,
    }),
    note(actors.teacher, lessonsOf.sam!.at(-1)!, {
      summary: "First page of Clair de Lune: pedalling is much cleaner. Next time: the arpeggiated middle section.",
      visibleToStudent: true,
    }),
    goal(people.anika, {
      title: "Pass Grade 2 piano",
      description: "Exam pieces, scales and aural tests.",
      targetDate: addMonths(today, 4),
      progressPercentage: 40,
    }),
    goal(people.sam, { title: "Play Clair de Lune from memory", targetDate: addMonths(today, 3), progressPercentage: 25 }),
    ...(
      [
        [6, 15],
        [5, 20],
        [3, 10],
        [2, 25],
        [1, 15],
      ] as const
    ).map(([daysAgo, minutes]) => practice(people.anika, daysAgo, minutes, ["Minuet in G"])),
    ...(
      [
        [4, 30],
        [1, 20],
      ] as const
    ).map(([daysAgo, minutes]) => practice(people.dev, daysAgo, minutes, ["Chord changes: G, C, D"])),
  ]);
}

/** The last `weeks` dates on `weekday` strictly before `today`, oldest first. */
function pastWeekdays(today: string, weekday: number, weeks: number): string[] {
  const back = (weekdayOf(today) - weekday + 7) % 7 || 7;
  const latest = addDays(today, -back);
  return Array.from({ length: weeks }, (_, i) => addDays(latest, -7 * (weeks - 1 - i)));
}
