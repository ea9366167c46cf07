import type { Actor } from "../../policy";
import { loadBand, readableBandMembers } from "./band-access";
import { toBand, type Band } from "./band-view";

/** A band with its members, in two DynamoDB calls: member + studio + band, then the students. */
export async function getBand(actor: Actor, studioId: string, bandId: string): Promise<Band> {
  const { member, band } = await loadBand(actor, studioId, bandId);
  return toBand(band, await readableBandMembers(member, band));
}
