/** Turning a studio's stored contact details into what a visitor can click on. */

export function websiteHref(website: string | null | undefined): string | undefined {
  if (!website) return undefined;
  const withScheme = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function websiteLabel(website: string): string {
  return website.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "GB" → "United Kingdom"; anything that is not a region code is shown as written. */
export function countryName(country: string): string {
  if (!/^[A-Za-z]{2}$/.test(country)) return country;
  try {
    return regionNames.of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

export interface PostalAddress {
  address?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export function addressLines(a: PostalAddress): string[] {
  const locality = [a.city, [a.state, a.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [...(a.address?.split(/\r?\n/) ?? []), locality, a.country ? countryName(a.country) : ""].map((line) => line.trim()).filter(Boolean);
}
