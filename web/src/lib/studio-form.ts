import { field } from "./form";

/** Fields of the studio settings form, in the order the API names them. */
export const STUDIO_REQUIRED_FIELDS = ["name", "slug", "timeZone", "currency"] as const;
export const STUDIO_OPTIONAL_FIELDS = ["description", "website", "email", "phone", "address", "city", "state", "postalCode", "country", "themeColor"] as const;
export const STUDIO_FIELDS = [...STUDIO_REQUIRED_FIELDS, ...STUDIO_OPTIONAL_FIELDS] as const;

type Required = (typeof STUDIO_REQUIRED_FIELDS)[number];
type Optional = (typeof STUDIO_OPTIONAL_FIELDS)[number];
export type StudioPatch = Record<Required, string> & Record<Optional, string | null>;

/** The whole settings form as a PATCH body: a blank optional field clears it (null). */
export function studioPatchFromForm(form: FormData): StudioPatch {
  const patch = {} as StudioPatch;
  for (const name of STUDIO_REQUIRED_FIELDS) patch[name] = field(form, name);
  for (const name of STUDIO_OPTIONAL_FIELDS) patch[name] = field(form, name) || null;
  // People type "example.com"; the API wants a full http(s) URL.
  if (patch.website && !/^[a-z][a-z0-9+.-]*:/i.test(patch.website)) patch.website = `https://${patch.website}`;
  return patch;
}

/** Said under the address field before saving: the old address keeps working after a change. */
export const slugHint = (host: string, slug: string | undefined) =>
  `Your page is at ${host}/${slug || "your-studio"}. If you change it, the old address redirects to the new one, so links already shared keep working (and no other studio can take it).`;
