import { presignDownload } from "../files";
import type { PublicStudio, Studio } from "./studio-schema";

import type { StudioRecord } from "./studio.entity";
export type { StudioRecord } from "./studio.entity";

export type { PublicStudio, Studio };

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
    pausedReason: r.pausedReason ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Whether the studio is live: inactive or deleted studios are hidden from the public. */
export const isLive = (record: StudioRecord) => record.isActive !== false && !record.deletedAt;
