import { liveStudioBySlug } from "../../studios";
import type { StudioRecord } from "../../studios/module";
import { classesDb } from "../classes-db";
import type { PublicCourse } from "./public-course-schema";

/**
 * The studio's group courses for its public page: active group courses with their plans (price,
 * classes, validity), age range, and the slots still ahead (weekday, local time, term) with the
 * seats left. Two queries of the studio's partition (courses, slots), for the studio the caller has
 * read; no sign-in.
 */
export async function listPublicCourses(studio: Pick<StudioRecord, "studioId" | "currency">, now = new Date()): Promise<PublicCourse[]> {
  const { studioId } = studio;
  const { course, classSlot } = classesDb().entities;
  const [{ data: courses }, { data: slots }] = await Promise.all([
    course.query.course({ studioId }).go({ pages: "all" }),
    classSlot.query.classSlot({ studioId }).go({ pages: "all" }),
  ]);
  const today = now.toISOString().slice(0, 10);
  return courses
    .filter((c) => c.isActive && c.kind === "group")
    .map((c) => ({
      id: c.courseId,
      name: c.name,
      instrument: c.instrument,
      description: c.description ?? null,
      minAge: c.minAge ?? null,
      maxAge: c.maxAge ?? null,
      plans: c.plans.map((p) => ({ id: p.planId, name: p.name, classCount: p.classCount, priceMinor: p.priceMinor, validityDays: p.validityDays })),
      currency: studio.currency,
      slots: slots
        .filter((s) => s.courseId === c.courseId && s.termEnd >= today)
        .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime))
        .map((s) => ({
          id: s.slotId,
          weekday: s.weekday,
          startTime: s.startTime,
          durationMinutes: s.durationMinutes,
          termStart: s.termStart,
          termEnd: s.termEnd,
          seatsLeft: Math.max(0, s.capacity - s.seatsTaken),
        })),
    }));
}

/** The public page's courses by the studio's address (404 for no live studio). */
export async function publicCoursesBySlug(slug: string, now = new Date()): Promise<{ items: PublicCourse[] }> {
  const studio = await liveStudioBySlug(slug);
  return { items: await listPublicCourses(studio, now) };
}
