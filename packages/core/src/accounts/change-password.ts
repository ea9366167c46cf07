import { config } from "../kernel/config";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { AppError } from "../kernel/errors";
import { passwordChangedMessage } from "../email";
import { ACCOUNTS_SCOPE, outboxEmail } from "../outbox";
import type { Actor } from "../policy";
import type { ChangePasswordInput } from "./account-schemas";
import { hashPassword } from "./password";
import { assertCurrentPassword, readLoginForChange } from "./password-check";
import { nextTokens, revokeAllFamilies } from "./session-tokens";

const changedMeanwhile = () => new AppError("password.changed_meanwhile", "Your password was changed meanwhile. Sign in again with the new one.");

/**
 * Changes the password while signed in (the current one is required). Like a reset it bumps the
 * login's epoch, which ends every refresh token and emailed link sent before, and revokes every
 * other sign-in in the same transaction; this sign-in carries on with a fresh refresh token of the
 * new epoch (returned, so the caller keeps its session). The owner gets a notice.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput, now = Date.now()) {
  const { family, user, login, failures } = await readLoginForChange(actor);
  await assertCurrentPassword(input.currentPassword, login.passwordHash, failures);
  if (input.currentPassword === input.newPassword) {
    throw new AppError("validation_failed", "The new password is the current one", {
      errors: [{ path: "newPassword", message: "must differ from your current password" }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const epoch = login.sessionEpoch;
  const next = nextTokens({ userId: actor.userId, email: login.email, sessionEpoch: epoch + 1 }, actor.sessionId, family.expiresAt ?? 0);
  const revokeOthers = await revokeAllFamilies(actor.userId, "password_changed", now, actor.sessionId);
  await commitWrites(db, (tx) => [
    failsWith(
      tx.credential
        .patch({ email: login.email })
        .set({ passwordHash })
        .add({ sessionEpoch: 1 })
        .where((a, op) => `${op.eq(a.userId, actor.userId)} AND ${op.eq(a.sessionEpoch, epoch)}`)
        .commit(),
      changedMeanwhile,
    ),
    failsWith(
      tx.sessionFamily
        .patch({ userId: actor.userId, familyId: actor.sessionId })
        .set({ lastUsedAt: new Date(now).toISOString() })
        .where((a, op) => op.notExists(a.revokedAt))
        .commit(),
      () => new AppError("unauthenticated", "This sign-in has ended. Sign in again."),
    ),
    next.write(tx),
    failsWith(
      outboxEmail(tx, {
        scope: ACCOUNTS_SCOPE,
        messageId: `password-changed#${actor.userId}#${epoch + 1}`,
        to: login.email,
        email: passwordChangedMessage({ name: user.name, resetUrl: `${config().webUrl}/forgot-password` }),
      }),
      changedMeanwhile,
    ),
    ...revokeOthers(tx),
  ]);
  return { ...next.tokens, user: { id: actor.userId, email: login.email } };
}
