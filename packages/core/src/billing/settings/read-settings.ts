import { itemOf } from "../../kernel/db/read-together";
import { billingDb } from "../billing-db";

/** The studio's billing-settings item, for `loadMemberWith(actor, studioId, billingSettingsRead(studioId))`. */
export const billingSettingsRead = (studioId: string) => itemOf(billingDb().entities.billingSettings, { studioId });
