import type { Goal } from "./goal-schema";

import type { GoalRecord } from "../goal.entity";
export type { GoalRecord } from "../goal.entity";

export type { Goal };

export const toGoal = (r: GoalRecord): Goal => ({
  id: r.goalId,
  studentId: r.studentId,
  teacherId: r.teacherId ?? null,
  title: r.title,
  description: r.description ?? null,
  targetDate: r.targetDate ?? null,
  status: r.status,
  progressPercentage: r.progressPercentage,
  achievedAt: r.achievedAt ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
