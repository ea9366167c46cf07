import { AppError } from "../kernel/errors";

/** Why a studio is paused: its platform invoice went unpaid past the grace period, or the platform's operators suspended it. */
export const PAUSED_REASONS = ["unpaid", "suspended"] as const;
export type PausedReason = (typeof PAUSED_REASONS)[number];

/**
 * What a paused studio's members may still do: read everything (and export their data), see the
 * usage, and pay (platform billing). Every other action changes the studio and is refused.
 */
const STILL_ALLOWED = /(\.(view|view-details|list|read|history|today|export)|^usage\..*|^platform-billing\..*)$/;

export const allowedWhilePaused = (action: string) => STILL_ALLOWED.test(action);

export function pausedRefusal(reason: PausedReason): AppError {
  return new AppError(
    "studio.paused",
    reason === "unpaid"
      ? "This studio is paused until its StudioSync invoice is paid: the workspace is read-only (Settings → Usage and billing)"
      : "This studio is suspended by StudioSync: the workspace is read-only. Contact StudioSync support",
  );
}
