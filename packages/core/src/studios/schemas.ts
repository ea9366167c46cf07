import { z } from "zod";
import { LOGO_CONTENT_TYPES, LOGO_KEY_SHAPE } from "./logo-key";
import { RESERVED_SLUGS } from "./reserved-slugs";

const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "must be at least 3 characters")
  .max(40, "must be at most 40 characters")
  .regex(SLUG_PATTERN, "use lowercase letters, digits and single hyphens (e.g. riverside-music)")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "is reserved; choose another address");

export const timeZoneSchema = z.string().refine((tz) => TIME_ZONES.has(tz), "must be an IANA time zone such as Europe/London");

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCIES.has(code), "must be an ISO 4217 currency code such as USD");

export const studioNameSchema = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** Branding and contact fields, as in the seeds' Studio model. `null` clears a field. */
export const studioProfileFields = {
  description: text(2000).nullable(),
  website: z
    .string()
    .trim()
    .max(300, "must be at most 300 characters")
    .url("must be an http(s) URL")
    .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL")
    .nullable(),
  email: z.string().trim().email("must be an email address").max(254).nullable(),
  phone: text(40)
    .regex(/^[+()0-9 .-]*$/, "may contain digits, spaces and + ( ) - . only")
    .nullable(),
  address: text(200).nullable(),
  city: text(100).nullable(),
  state: text(100).nullable(),
  country: text(100).nullable(),
  postalCode: text(20).nullable(),
  themeColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour such as #4f46e5")
    .transform((c) => c.toLowerCase())
    .nullable(),
  logoKey: z.string().regex(LOGO_KEY_SHAPE, "must be a key returned by the logo upload").nullable(),
};

export const updateStudioSchema = z
  .object({
    name: studioNameSchema,
    slug: slugSchema,
    timeZone: timeZoneSchema,
    currency: currencySchema,
    ...studioProfileFields,
  })
  .partial()
  .strict();
export type UpdateStudioInput = z.infer<typeof updateStudioSchema>;

export { LOGO_CONTENT_TYPES } from "./logo-key";
/** A logo is an image upload (kernel/fields/image-types). */
export {
  imageUploadSchema as logoUploadSchema,
  MAX_IMAGE_BYTES as MAX_LOGO_BYTES,
  type ImageUploadInput as LogoUploadInput,
} from "../kernel/fields/image-types";
