import { v7 as uuidv7 } from "uuid";
import { claimEmail } from "../accounts";
import { hashPassword } from "../accounts";
import { db } from "../db";

/**
 * A verified login of StudioSync's own staff, in no studio (a login and its user, one transaction),
 * for the demo's operator: sign-up always makes a studio. Nothing when the email has a login
 * already. The operator role is given separately (setPlatformOperator), as `npm run operator` does.
 */
export async function ensureStaffLogin(input: { email: string; name: string; password: string }): Promise<void> {
  const { data: existing } = await db().entities.credential.get({ email: input.email }).go({ consistent: true });
  if (existing) return;
  const userId = uuidv7();
  const verifiedAt = new Date().toISOString();
  const passwordHash = await hashPassword(input.password);
  const outcome = await db()
    .transaction.write((tx) => [
      claimEmail(tx, { email: input.email, userId, passwordHash, emailVerifiedAt: verifiedAt }),
      tx.user.create({ userId, email: input.email, name: input.name, emailVerifiedAt: verifiedAt }).commit(),
    ])
    .go();
  if (outcome.canceled) throw new Error(`Could not create the login ${input.email}`);
}
