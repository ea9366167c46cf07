import { z } from "zod";
import { itemOf } from "../kernel/db/read-together";
import { notFound } from "../kernel/errors";
import { readAsActor, type Actor } from "../policy";
import { noticesDb } from "./notices-db";
import { hasInApp, isEssential, MAIL_CHOICES, NOTIFICATION_LABELS, PREFERENCE_TYPES, type MailChoice, type PreferenceType } from "./notification-types";
import { changePreference, preferencesOf, type Preference } from "./opt-outs";

/** The email choices a type offers: essential mail is always sent as it happens; calendar invitations cannot wait for a digest. */
const mailChoices = (type: PreferenceType): readonly MailChoice[] =>
  isEssential(type) ? ["immediate"] : type === "calendar-invites" ? ["immediate", "off"] : MAIL_CHOICES;

const channelSchema = z.object({ email: z.enum(MAIL_CHOICES).optional(), inApp: z.boolean().optional() }).strict();

/** One studio's preferences to change, per type and channel; types and channels left out stay as they are. */
export const myPreferencesSchema = z
  .object({
    studioId: z.string().min(1).max(100),
    preferences: z
      .object(
        Object.fromEntries(PREFERENCE_TYPES.map((type) => [type, channelSchema.optional()])) as Record<PreferenceType, z.ZodOptional<typeof channelSchema>>,
      )
      .strict(),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const type of PREFERENCE_TYPES) {
      const change = input.preferences[type];
      if (change?.email && !mailChoices(type).includes(change.email))
        ctx.addIssue({
          code: "custom",
          path: ["preferences", type, "email"],
          message: isEssential(type) ? `${NOTIFICATION_LABELS[type].name} are always emailed as they happen` : "calendar invitations cannot wait for a digest",
        });
      if (change?.inApp !== undefined && !hasInApp(type))
        ctx.addIssue({ code: "custom", path: ["preferences", type, "inApp"], message: "calendar invitations only come by email" });
    }
  });
export type MyPreferencesInput = z.infer<typeof myPreferencesSchema>;

const typeView = (type: PreferenceType, preference: Preference) => ({
  type,
  ...NOTIFICATION_LABELS[type],
  essential: isEssential(type),
  email: preference.mail,
  emailChoices: [...mailChoices(type)],
  inApp: hasInApp(type) ? preference.inApp : null,
});

/** The signed-in person's login and the live studios they belong to. */
async function myStudios(actor: Actor) {
  const { user, membership, studio } = noticesDb().entities;
  const [[person], { data: memberships }] = await Promise.all([
    readAsActor(actor, itemOf(user, { userId: actor.userId })),
    membership.query.membershipsByUser({ userId: actor.userId }).go({ pages: "all" }),
  ]);
  if (!person) throw notFound("User");
  const active = memberships.filter((m) => !m.deletedAt);
  const { data: studios } = active.length ? await studio.get(active.map((m) => ({ studioId: m.studioId }))).go() : { data: [] };
  return { person, studios: studios.filter((s) => !s.deletedAt).sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * How the signed-in person gets each type of notice from each of their studios, by channel:
 * email (as it happens, in the daily digest, or not at all) and the in-app centre. The choices are
 * kept per studio and address, so an email's unsubscribe link changes the same ones.
 */
export async function getMyPreferences(actor: Actor) {
  return preferencesView(await myStudios(actor));
}

/** The preferences of the person's studios (as myStudios read them), each read with one Query. */
async function preferencesView({ person, studios }: Awaited<ReturnType<typeof myStudios>>) {
  const each = await Promise.all(studios.map((s) => preferencesOf(s.studioId, person.email)));
  return {
    email: person.email,
    studios: studios.map((s, i) => ({
      studio: { id: s.studioId, name: s.name },
      preferences: PREFERENCE_TYPES.map((type) => typeView(type, each[i]![type])),
    })),
  };
}

/** Changes the person's preferences in one of their studios (another studio: 404). */
export async function setMyPreferences(actor: Actor, input: MyPreferencesInput) {
  const mine = await myStudios(actor);
  const { person, studios } = mine;
  if (!studios.some((s) => s.studioId === input.studioId)) throw notFound("Studio");
  const changes = PREFERENCE_TYPES.flatMap((type) => {
    const change = input.preferences[type];
    return change && (change.email || change.inApp !== undefined) ? [[type, change] as const] : [];
  });
  await Promise.all(
    changes.map(([type, change]) =>
      changePreference(
        input.studioId,
        person.email,
        type,
        { ...(change.email ? { mail: change.email } : {}), ...(change.inApp !== undefined ? { inApp: change.inApp } : {}) },
        "preferences",
      ),
    ),
  );
  return preferencesView(mine);
}
