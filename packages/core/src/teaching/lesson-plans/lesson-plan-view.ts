import { searchKeys } from "../../people";
import { STUDIO_AUTHOR, type LessonPlanRecord } from "../lesson-plan.entity";
import type { LessonPlan } from "./lesson-plan-schema";

export type { LessonPlanRecord } from "../lesson-plan.entity";

export type { LessonPlan };

export const toLessonPlan = (r: LessonPlanRecord): LessonPlan => ({
  id: r.planId,
  teacherId: r.teacherId === STUDIO_AUTHOR ? null : r.teacherId,
  title: r.title,
  description: r.description ?? null,
  specialty: r.specialty ?? null,
  durationMinutes: r.durationMinutes ?? null,
  objectives: r.objectives ?? [],
  materials: r.materials ?? [],
  activities: r.activities ?? [],
  tags: r.tags ?? [],
  isPublic: r.isPublic,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The normalised title: the lists' sort key and what `q` matches a prefix of. */
export const titleKeyOf = (title: string) => searchKeys(title).nameKey;

/** The attributes every write passes so ElectroDB can rebuild the list index keys. */
export const planIndexKeys = (r: Pick<LessonPlanRecord, "teacherId" | "titleKey" | "isPublic" | "listing">) => ({
  teacherId: r.teacherId,
  titleKey: r.titleKey,
  sharing: r.isPublic ? ("public" as const) : ("private" as const),
  listing: r.listing,
});
