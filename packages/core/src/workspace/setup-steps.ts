import { billingDb } from "../billing";
import { db } from "../db";
import { scheduleDb } from "../scheduling";

/**
 * What a new studio still has to do before it runs (admins' Today): add a teacher, set working
 * hours, invite a family or student, save the billing settings, connect Stripe. Each is one read
 * that stops at the first match.
 */
export async function setupSteps(studioId: string) {
  const first = { limit: 1, pages: "all" as const };
  const [teachers, hours, invitations, families, billing] = await Promise.all([
    scheduleDb().entities.teacher.query.teachersByName({ studioId, listing: "listed" }).go(first),
    scheduleDb().entities.availability.query.availability({ studioId }).go(first),
    db()
      .entities.invitation.query.invitation({ studioId })
      .where((a, op) => `${op.eq(a.role, "parent")} OR ${op.eq(a.role, "student")}`)
      .go(first),
    scheduleDb().entities.family.query.familiesByName({ studioId, listing: "listed" }).go(first),
    billingDb().entities.billingSettings.get({ studioId }).go(),
  ]);
  return {
    teacherAdded: teachers.data.length > 0,
    hoursSet: hours.data.length > 0,
    familiesInvited: invitations.data.length > 0 || families.data.length > 0,
    billingSettingsSaved: Boolean(billing.data),
    stripeConnected: Boolean(billing.data?.stripe),
  };
}
export type SetupSteps = Awaited<ReturnType<typeof setupSteps>>;
