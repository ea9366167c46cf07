import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import type { BookingSettingsRecord } from "../booking-settings.entity";
import { growthDb } from "../growth-db";
import type { BookingSettings } from "./defaults";
import { bookingSettingsOf, bookingSettingsRead } from "./read-booking-settings";
import type { BookingSettingsInput } from "./schemas";

/** The studio's booking settings (any member of the studio: the workspace shows them). */
export async function getBookingSettings(actor: Actor, studioId: string): Promise<BookingSettings> {
  const { records } = await loadMemberWith(actor, studioId, bookingSettingsRead(studioId));
  return bookingSettingsOf(records[0] as BookingSettingsRecord | null);
}

/** Replaces the studio's booking settings (owners and admins), with an audit event. */
export async function setBookingSettings(actor: Actor, studioId: string, input: BookingSettingsInput): Promise<BookingSettings> {
  const { member, records } = await loadMemberWith(actor, studioId, bookingSettingsRead(studioId));
  assertMay(member, "booking-settings.set");
  const before = bookingSettingsOf(records[0] as BookingSettingsRecord | null);
  await commitWrites(growthDb, (tx) => [
    tx.bookingSettings.put({ studioId, ...input, updatedBy: actor.userId }).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "booking_settings.updated",
      entityType: "studio",
      entityId: studioId,
      before: { ...before },
      after: input,
    }),
  ]);
  return bookingSettingsOf({ studioId, ...input } as BookingSettingsRecord);
}
