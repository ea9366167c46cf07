import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { toBillingSettings, type BillingSettingsView } from "./billing-settings-view";
import { billingSettingsRead } from "./read-settings";

/** The studio's billing settings (admins): one read of the membership, the studio and the settings. */
export async function getBillingSettings(actor: Actor, studioId: string): Promise<BillingSettingsView> {
  const { member, studio, records } = await loadMemberWith(actor, studioId, billingSettingsRead(studioId));
  assertMay(member, "billing-settings.manage");
  return toBillingSettings(records[0], studio.currency);
}
