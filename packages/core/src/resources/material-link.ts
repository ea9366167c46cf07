import { config } from "../kernel/config";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { AppError } from "../kernel/errors";
import { openPayload, signPayload } from "../kernel/keys/signed-payload";
import { hiddenRecord } from "../policy";
import type { PageQuery } from "../kernel/pagination/pagination";
import { inboxPage } from "./my-materials";
import { presignedFile } from "./download";
import { resourcesDb } from "./resources-db";
import type { DownloadQuery } from "./schemas";
import { TRASH_SHELF } from "./resource-view";

/** How long an emailed materials link opens the household's materials. */
export const MATERIALS_LINK_DAYS = 30;

interface MaterialsLinkPayload {
  /** Studio id. */
  s: string;
  /** Inbox: `student#<id>` or `family#<id>`. */
  i: string;
  /** Expiry, epoch seconds. */
  e: number;
}

const INBOX_SHAPE = /^(student|family)#[\w-]{1,64}$/;

export const signMaterialsLink = (studioId: string, inbox: string, now = new Date()) =>
  signPayload("materials-link", { s: studioId, i: inbox, e: Math.floor(now.getTime() / 1000) + MATERIALS_LINK_DAYS * 86_400 } satisfies MaterialsLinkPayload);

/** The page a "New material" email opens: the household's materials, playable, without signing in. */
export const materialsLinkUrl = (slug: string, token: string) => `${config().webUrl}/${encodeURIComponent(slug)}/materials/${encodeURIComponent(token)}`;

/** The studio and inbox of a valid link; an expired one is 410 (sign in instead); anything else 404. */
function openMaterialsLink(token: string, now = Date.now()): { studioId: string; inbox: string } {
  const parsed = openPayload<MaterialsLinkPayload>("materials-link", token);
  if (!parsed || typeof parsed.s !== "string" || typeof parsed.i !== "string" || !INBOX_SHAPE.test(parsed.i) || typeof parsed.e !== "number") {
    throw new AppError("invalid_token", "This link is not valid");
  }
  if (parsed.e * 1000 <= now) throw new AppError("gone", "This link has expired; sign in to the portal to find your materials under My materials");
  return { studioId: parsed.s, inbox: parsed.i };
}

/** What a materials link shows: the studio, whose materials, and a page of them, newest first. */
export async function linkedMaterials(token: string, query: PageQuery) {
  const { studioId, inbox } = openMaterialsLink(token);
  const { studio, student, family } = resourcesDb().entities;
  const [kind, id] = inbox.split("#") as ["student" | "family", string];
  const [studioRecord, person] = await readTogether(
    itemOf(studio, { studioId }),
    kind === "student" ? itemOf(student, { studioId, studentId: id }) : itemOf(family, { studioId, familyId: id }),
  );
  if (!studioRecord || studioRecord.deletedAt || !person || person.deletedAt) throw hiddenRecord("Materials");
  const name = "firstName" in person ? `${person.firstName} ${person.lastName}`.trim() : person.name;
  const materials = await inboxPage(studioId, inbox, query);
  return { studio: { id: studioId, name: studioRecord.name, slug: studioRecord.slug }, householdName: name, ...materials };
}

/** A presigned GET of one of the link's materials (404 when it is not in them any more). */
export async function linkedMaterialDownload(token: string, resourceId: string, query: DownloadQuery) {
  const { studioId, inbox } = openMaterialsLink(token);
  const { materialEntry, resource } = resourcesDb().entities;
  const [entry, record] = await readTogether(itemOf(materialEntry, { studioId, inbox, resourceId }), itemOf(resource, { studioId, resourceId }));
  if (!entry || !record || record.shelf === TRASH_SHELF) throw hiddenRecord("Material");
  return presignedFile(record, { ...query, version: undefined });
}
