import { claimWithinLimit, counterKey, type RateLimit } from "../rate-limit";

/**
 * Invitation emails (new, resent, or approving an access request) per day: per recipient across
 * every studio, so no one can be flooded by studios made for it, and per studio, so a studio
 * cannot relay mail in bulk.
 */
export const INVITATION_LIMITS = {
  perRecipient: { name: "invite-recipient", max: 5, windowSeconds: 24 * 60 * 60 },
  perStudio: { name: "invite-studio", max: 200, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateLimit>;

/** Counts one invitation email to `email` from the studio, or throws 429 (with Retry-After) past a limit. */
export async function claimInvitationSend(studioId: string, email: string): Promise<void> {
  await Promise.all([
    claimWithinLimit(counterKey(INVITATION_LIMITS.perRecipient, email), "This address has been sent enough invitations for today. Try again tomorrow."),
    claimWithinLimit(counterKey(INVITATION_LIMITS.perStudio, studioId), "This studio has sent as many invitations as it can today. Try again tomorrow."),
  ]);
}
