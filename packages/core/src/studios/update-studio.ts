import { moneyOnRecord } from "./money-on-record";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict, invalidField } from "../kernel/errors";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { isLogoKeyOf } from "./logo-key";
import { studioProfileFields, type UpdateStudioInput } from "./schemas";
import { uploadedImageProblem } from "../files";
import { toStudio, type StudioRecord } from "./studio-view";

/**
 * Changes a studio's settings and branding. A new slug is claimed and the old one kept as a retired
 * alias in the same transaction as the studio write, so two studios can never end up with one slug
 * and the old address keeps leading to the studio (studio-by-slug.ts). A studio may move back to
 * one of its own old slugs; no other studio can take them.
 * The currency is fixed once money is on record (see assertCurrencyMayChange).
 */
export async function updateStudio(actor: Actor, studioId: string, input: UpdateStudioInput) {
  const { member, studio: current } = await loadStudioMember(actor, studioId);
  assertMay(member, "studio.update");
  if (input.currency !== undefined && input.currency !== current.currency) await assertCurrencyMayChange(studioId, current.currency);
  if (input.logoKey) await assertUsableLogo(studioId, input.logoKey);

  const set: Record<string, unknown> = { updatedBy: actor.userId };
  const removals: ClearableField[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if ((value === null || value === "") && field in studioProfileFields) removals.push(field as ClearableField);
    else set[field] = value;
  }
  const changes = set as Partial<StudioRecord>;

  if (!input.slug || input.slug === current.slug) {
    const { data } = await db().entities.studio.patch({ studioId }).set(changes).remove(removals).go({ response: "all_new" });
    return toStudio(data as StudioRecord);
  }

  const newSlug = input.slug;
  await commitWrites(db, ({ studio, studioSlug }) => [
    failsWith(
      studioSlug
        .put({ slug: newSlug, studioId })
        .where((a, op) => `${op.notExists(a.studioId)} OR ${op.eq(a.studioId, studioId)}`)
        .commit(),
      () => conflict("studio.slug_taken", "This address is already taken by another studio", "slug"),
    ),
    ...failsWith(
      [
        studioSlug
          .patch({ slug: current.slug })
          .set({ retiredAt: new Date().toISOString() })
          .where((a, op) => op.eq(a.studioId, studioId))
          .commit(),
        studio
          .patch({ studioId })
          .set(changes)
          .remove(removals)
          .where((a, op) => op.eq(a.slug, current.slug))
          .commit(),
      ],
      () => conflict("studio.changed", "The studio changed meanwhile; try again"),
    ),
  ]);
  const updated = { ...current, ...changes, updatedAt: new Date().toISOString() } as StudioRecord;
  for (const field of removals) delete updated[field];
  return toStudio(updated);
}

type ClearableField = keyof typeof studioProfileFields;

/**
 * Money keeps the currency it was recorded in: invoices and payments carry their own, and accounts,
 * ledgers and fee plans are in the studio's. Switching the studio's currency would re-label those
 * amounts (and a card payment in the old currency would no longer match), so once the studio has
 * invoices, billing accounts or fee plans, a change is a 409 saying why.
 */
async function assertCurrencyMayChange(studioId: string, currency: string) {
  const recorded = await moneyOnRecord(studioId);
  if (recorded)
    throw conflict("studio.currency_locked", `This studio has ${recorded} in ${currency}; its currency can't change once money is recorded`, "currency");
}

async function assertUsableLogo(studioId: string, key: string) {
  if (!isLogoKeyOf(studioId, key)) throw invalidField("logoKey", "must be a key returned by the logo upload of this studio");
  const problem = await uploadedImageProblem(key);
  if (problem) throw invalidField("logoKey", problem);
}
