import type { EntityItem } from "electrodb";
import type { GoalEntity } from "../goal.entity";

export type GoalRecord = EntityItem<typeof GoalEntity>;

export interface Goal {
  id: string;
  studentId: string;
  teacherId: string | null;
  title: string;
  description: string | null;
  targetDate: string | null;
  status: GoalRecord["status"];
  progressPercentage: number;
  achievedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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
