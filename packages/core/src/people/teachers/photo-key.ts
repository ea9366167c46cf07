import { presignDownload } from "../../files";
import { IMAGE_CONTENT_TYPES } from "../../kernel/fields/image-types";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const EXTENSIONS = Object.values(IMAGE_CONTENT_TYPES).join("|");

/**
 * The exact shape of the keys the photo upload issues: `<studioId>/teachers/<teacherId>/photo-<uuid v7>.<ext>`.
 * A client-sent `photoKey` must match it whole and name the teacher's studio and the teacher.
 */
export const PHOTO_KEY_SHAPE = new RegExp(`^(${UUID})/teachers/([A-Za-z0-9-]{1,64})/photo-${UUID}\\.(?:${EXTENSIONS})$`);

export const photoKeyFor = (studioId: string, teacherId: string, id: string, contentType: keyof typeof IMAGE_CONTENT_TYPES) =>
  `${studioId}/teachers/${teacherId}/photo-${id}.${IMAGE_CONTENT_TYPES[contentType]}`;

/** How long a photo's address in a public page stays valid (the page is cached a minute). */
const PHOTO_URL_SECONDS = 6 * 60 * 60;

/** A short-lived address of a teacher's photo, for pages (none without a photo). */
export const photoUrlOf = async (photoKey: string | undefined) => (photoKey ? await presignDownload(photoKey, PHOTO_URL_SECONDS) : null);
