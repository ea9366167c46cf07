import type { WriteTx } from "../db";

/** An unconfirmed sign-up lapses after this: the email is free again (and cannot be taken over). */
export const UNVERIFIED_ACCOUNT_SECONDS = 7 * 24 * 60 * 60;

interface LoginState {
  emailVerifiedAt?: string;
  expiresAt?: number;
}

/**
 * Whether a login still counts: verified, or unverified and not yet lapsed. DynamoDB's TTL
 * deletes lapsed ones some time later (DynamoDB Local never), so every read goes through this.
 */
export const isLiveLogin = (login: LoginState | null | undefined, now = Date.now()): boolean =>
  Boolean(login && (login.emailVerifiedAt || !login.expiresAt || login.expiresAt * 1000 > now));

export const liveLogin = <T extends LoginState>(login: T | null | undefined, now = Date.now()): T | null => (login && isLiveLogin(login, now) ? login : null);

interface NewLogin {
  email: string;
  userId: string;
  passwordHash: string;
  emailVerifiedAt?: string;
}

/**
 * Writes the login for an email in the caller's transaction; the write fails (ConditionalCheckFailed)
 * when the email is taken. Taken means a live login, or, when `replacing` names one, anything but
 * that unverified login: accepting an invitation replaces an unconfirmed sign-up, password and all,
 * so whoever registered the email first gets nothing. Its epoch moves on, ending its links.
 * Unverified logins carry `expiresAt` (TTL); verifying removes it.
 */
export function claimEmail(tx: WriteTx, login: NewLogin, replacing?: { userId: string; sessionEpoch: number }, now = Date.now()) {
  const nowSeconds = Math.floor(now / 1000);
  const expiresAt = login.emailVerifiedAt ? undefined : nowSeconds + UNVERIFIED_ACCOUNT_SECONDS;
  return tx.credential
    .put({ ...login, sessionEpoch: replacing ? replacing.sessionEpoch + 1 : 0, expiresAt })
    .where((a, op) =>
      replacing
        ? `${op.eq(a.userId, replacing.userId)} AND ${op.notExists(a.emailVerifiedAt)}`
        : `${op.notExists(a.email)} OR (${op.notExists(a.emailVerifiedAt)} AND ${op.lte(a.expiresAt, nowSeconds)})`,
    )
    .commit();
}
