import { deleteObjects } from "../files";
import { conflict } from "../kernel/errors";
import { AppError } from "../kernel/errors";
import type { StudioRecord } from "../studios/module";
import { bytesText, DEFAULT_STUDIO_STORAGE_BYTES } from "./file-types";
import type { ResourcesTx } from "./resources-db";

/** What the studio may store in all. */
export const storageLimitOf = (_studio: StudioRecord) => DEFAULT_STUDIO_STORAGE_BYTES;

export const storageFull = (studio: StudioRecord, adding: number) =>
  new AppError(
    "resource.storage_full",
    `This file (${bytesText(adding)}) would take the studio past its ${bytesText(storageLimitOf(studio))} of storage; delete files or empty the trash first`,
    {
      errors: [{ path: "size", message: `the studio has ${bytesText(Math.max(0, storageLimitOf(studio) - (studio.storageBytes ?? 0)))} left` }],
    },
  );

/** Refuses a file the studio's storage has no room for (checked before an upload; the add below re-checks it atomically). */
export function assertRoomFor(studio: StudioRecord, bytes: number) {
  if ((studio.storageBytes ?? 0) + bytes > storageLimitOf(studio)) throw storageFull(studio, bytes);
}

/**
 * The studio's stored bytes moved by `bytes` in the transaction that stores or deletes the
 * files' records: added only while the total stays within the limit, so two uploads racing for the
 * last room cannot both get it. The refusal is the caller's to name (failsWith).
 */
export function storageAdd(tx: ResourcesTx, studio: StudioRecord, bytes: number) {
  const patch = tx.studio.patch({ studioId: studio.studioId }).add({ storageBytes: bytes });
  if (bytes <= 0) return patch.commit();
  const room = storageLimitOf(studio) - bytes;
  return patch.where((a, op) => `${op.notExists(a.storageBytes)} OR ${op.lte(a.storageBytes, room)}`).commit();
}

export const resourceChanged = () => conflict("resource.changed", "The file changed meanwhile; reload and try again");

/** A confirm of an upload that is already a resource's file: the file stays where it is. */
export const alreadyConfirmed = () => conflict("resource.already_confirmed", "This upload has already been confirmed", "key");

/** Deletes an uploaded object a refused confirm leaves behind (not one that is already a resource's file). */
export async function dropRefusedUpload(error: unknown, key: string) {
  if ((error as { reason?: string }).reason !== "resource.already_confirmed") await deleteObjects([key]);
}
