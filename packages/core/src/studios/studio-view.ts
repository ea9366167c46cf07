import type { EntityItem } from "electrodb";
import { presignDownload } from "../files";
import type { StudioEntity } from "./studio.entity";

export type StudioRecord = EntityItem<typeof StudioEntity>;

/** What anyone may see of a studio on its public page. */
export interface PublicStudio {
  name: string;
  slug: string;
  timeZone: string;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postalCode: string | null;
  themeColor: string | null;
  logoUrl: string | null;
}

/** What the studio's members see: the public profile plus settings. */
export interface Studio extends PublicStudio {
  id: string;
  currency: string;
  logoKey: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

const LOGO_URL_SECONDS = 6 * 60 * 60;

export async function toPublicStudio(r: StudioRecord): Promise<PublicStudio> {
  return {
    name: r.name,
    slug: r.slug,
    timeZone: r.timeZone,
    description: r.description ?? null,
    website: r.website ?? null,
    email: r.email ?? null,
    phone: r.phone ?? null,
    address: r.address ?? null,
    city: r.city ?? null,
    state: r.state ?? null,
    country: r.country ?? null,
    postalCode: r.postalCode ?? null,
    themeColor: r.themeColor ?? null,
    logoUrl: r.logoKey ? await presignDownload(r.logoKey, LOGO_URL_SECONDS) : null,
  };
}

export async function toStudio(r: StudioRecord): Promise<Studio> {
  return {
    id: r.studioId,
    ...(await toPublicStudio(r)),
    currency: r.currency,
    logoKey: r.logoKey ?? null,
    isActive: r.isActive !== false,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Whether the studio is live: inactive or deleted studios are hidden from the public. */
export const isLive = (record: StudioRecord) => record.isActive !== false && !record.deletedAt;
