import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { notFound } from "../kernel/errors";
import { readAsActor, type Actor } from "../policy";
import type { UpdateProfileInput } from "./account-schemas";

/** The account's own details, as the account page shows them. */
export const accountView = (user: { userId: string; email: string; name: string; phone?: string; emailVerifiedAt?: string }) => ({
  id: user.userId,
  email: user.email,
  name: user.name,
  phone: user.phone ?? null,
  emailVerified: Boolean(user.emailVerifiedAt),
});

/** Changes the signed-in person's name and phone (an empty phone removes it). */
export async function updateProfile(actor: Actor, input: UpdateProfileInput) {
  const [user] = await readAsActor(actor, itemOf(db().entities.user, { userId: actor.userId }));
  if (!user) throw notFound("User");
  const phone = input.phone === undefined ? user.phone : input.phone || undefined;
  const update = db().entities.user.patch({ userId: actor.userId });
  const set = { ...(input.name !== undefined ? { name: input.name } : {}), ...(phone ? { phone } : {}) };
  const { data } = await (phone ? update.set(set) : update.set(set).remove(["phone"])).go({ response: "all_new" });
  return accountView(data as typeof user);
}
