import { itemOf } from "../../kernel/db/read-together";
import { scheduleDb } from "../schedule-db";
import { DEFAULT_SCHEDULING_SETTINGS, type SchedulingSettings } from "./defaults";

/** The studio's settings item, for loadMemberWith / readTogether. */
export const schedulingSettingsRead = (studioId: string) => itemOf(scheduleDb().entities.schedulingSettings, { studioId });

/** The stored settings over the defaults. */
export function withDefaults(record: object | null | undefined): SchedulingSettings {
  const stored = record as Partial<SchedulingSettings> | null | undefined;
  const s = { ...DEFAULT_SCHEDULING_SETTINGS };
  for (const key of Object.keys(s) as (keyof SchedulingSettings)[]) {
    if (stored && key in stored) (s as Record<string, unknown>)[key] = stored[key] ?? undefined;
  }
  // A stored policy holds every setting (DynamoDB cannot hold null): no maxCreditsPerTerm is "no limit".
  if (stored && !("maxCreditsPerTerm" in stored)) s.maxCreditsPerTerm = undefined;
  return s;
}

/** A studio's scheduling settings (defaults when it never set them). */
export async function readSchedulingSettings(studioId: string): Promise<SchedulingSettings> {
  const { data } = await scheduleDb().entities.schedulingSettings.get({ studioId }).go();
  return withDefaults(data);
}
