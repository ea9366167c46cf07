/**
 * The exact shape of the S3 keys the logo upload issues: `<studioId>/branding/logo-<uuid v7>.<ext>`.
 * A client-sent `logoKey` must match it whole (no prefix check, so no `..` or another studio's
 * folder can slip through) and name the caller's studio.
 */
import { IMAGE_CONTENT_TYPES } from "../kernel/fields/image-types";

export const LOGO_CONTENT_TYPES = IMAGE_CONTENT_TYPES;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const EXTENSIONS = Object.values(LOGO_CONTENT_TYPES).join("|");
export const LOGO_KEY_SHAPE = new RegExp(`^(${UUID})/branding/logo-${UUID}\\.(?:${EXTENSIONS})$`);

export const logoKeyFor = (studioId: string, id: string, contentType: keyof typeof LOGO_CONTENT_TYPES) =>
  `${studioId}/branding/logo-${id}.${LOGO_CONTENT_TYPES[contentType]}`;

/** Whether `key` is a logo key of exactly this studio. */
export const isLogoKeyOf = (studioId: string, key: string) => LOGO_KEY_SHAPE.exec(key)?.[1] === studioId;
