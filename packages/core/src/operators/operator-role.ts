import { emailSchema } from "../accounts";
import { liveLogin } from "../accounts";
import { db } from "../db";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { loadOperatorWith, type Actor, type PlatformOperator } from "../policy";
import { recordOperatorAction } from "./operator-actions";
import { operatorsDb } from "./operators-db";

/** The signed-in operator (operators): who the console greets; anyone else, 403. */
export async function getOperator(actor: Actor): Promise<{ id: string; email: string; name: string }> {
  const { operator } = await loadOperatorWith(actor);
  return { id: operator.userId, email: operator.email, name: operator.name };
}

export interface RoleChange {
  userId: string;
  email: string;
  /** False when the account already was (or was not) an operator: nothing was written. */
  changed: boolean;
}

/**
 * Makes the account that signs in with `email` one of the platform's operators, or no longer one
 * (`npm run operator -- grant|revoke <email>`, packages/scripts; the API has no way to). The
 * change and its entry in the operators' log are one transaction; `by` names who ran it
 * (`cli:<os user>`). Throws when no account signs in with that email.
 */
export async function setPlatformOperator(email: string, operator: boolean, by: string, now = new Date()): Promise<RoleChange> {
  const address = emailSchema.parse(email);
  const { data: credential } = await db().entities.credential.get({ email: address }).go({ consistent: true });
  const login = liveLogin(credential);
  if (!login) throw new Error(`No account signs in with ${address}`);
  const { data: user } = await db().entities.user.get({ userId: login.userId }).go({ consistent: true });
  if (!user) throw new Error(`The account of ${address} has no user record`);
  const was = user.platformRole ?? null;
  const next = operator ? "operator" : null;
  if (was === next) return { userId: user.userId, email: address, changed: false };
  const rejected = await commitWritesOr(operatorsDb, (tx) => [
    rejectedAs(
      (next ? tx.user.patch({ userId: user.userId }).set({ platformRole: next }) : tx.user.patch({ userId: user.userId }).remove(["platformRole"]))
        .where((a, op) => (was ? op.eq(a.platformRole, was) : op.notExists(a.platformRole)))
        .commit(),
      "changed",
    ),
    recordOperatorAction(tx, {
      action: operator ? "operator.granted" : "operator.revoked",
      actorId: by,
      subject: { type: "user", id: user.userId, name: address },
      before: { platformRole: was },
      after: { platformRole: next },
      at: now.toISOString(),
    }),
  ]);
  if (rejected) throw new Error(`The account of ${address} changed meanwhile: run it again`);
  return { userId: user.userId, email: address, changed: true };
}

export type { PlatformOperator };
