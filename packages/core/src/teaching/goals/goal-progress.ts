import { invalidField } from "../../kernel/errors";
import type { GoalRecord } from "./goal-view";

type Progress = Pick<GoalRecord, "status" | "progressPercentage" | "achievedAt">;

/**
 * A goal's status and progress after a change. Achieving a goal sets its progress to 100 and
 * records when (once: achieving an achieved goal keeps the date); leaving "achieved" clears the
 * date. An achieved goal's progress is 100, so a lower one alongside it is a 422.
 */
export function nextProgress(
  current: Progress | undefined,
  change: { status?: Progress["status"]; progressPercentage?: number },
  now: string,
): { status: Progress["status"]; progressPercentage: number; achievedAt?: string } {
  const status = change.status ?? current?.status ?? "active";
  if (status === "achieved") {
    if (change.progressPercentage !== undefined && change.progressPercentage !== 100) {
      throw invalidField("progressPercentage", "must be 100 for an achieved goal");
    }
    return { status, progressPercentage: 100, achievedAt: current?.status === "achieved" ? (current.achievedAt ?? now) : now };
  }
  return { status, progressPercentage: change.progressPercentage ?? current?.progressPercentage ?? 0 };
}
