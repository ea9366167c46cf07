import { config } from "../kernel/config";

/** Who an email comes from, as the reader sees it: the studio's name, colour, logo and address. */
export interface EmailBrand {
  name: string;
  /** "#rrggbb", the studio's theme colour. */
  color?: string;
  /** A stable URL of the studio's logo (the site redirects it to the current file). */
  logoUrl?: string;
  /** Where replies go: the studio's email. */
  replyTo?: string;
}

export interface BrandedStudio {
  name: string;
  slug: string;
  email?: string | null;
  themeColor?: string | null;
  logoKey?: string | null;
}

/** The brand of a studio's mail. */
export function emailBrand(studio: BrandedStudio): EmailBrand {
  return {
    name: studio.name,
    color: studio.themeColor ?? undefined,
    logoUrl: studio.logoKey ? `${config().webUrl}/${encodeURIComponent(studio.slug)}/logo` : undefined,
    replyTo: studio.email ?? undefined,
  };
}
