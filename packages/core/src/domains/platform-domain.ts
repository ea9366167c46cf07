/**
 * The platform's own domain (`PLATFORM_DOMAIN`, e.g. `studiosync.app`): each studio is also served
 * at `<slug>.<platform domain>`, and no studio may attach the domain or a name under it. Locally and
 * in tests it defaults to `studiosync.localhost` (browsers send `*.localhost` to this machine); on
 * AWS it is set by the stacks when the deploy names one (stacks/platform-domain.ts), and without it
 * studios have no subdomain address. Read at each call: tests and the local runtime change it.
 */
export const LOCAL_PLATFORM_DOMAIN = "studiosync.localhost";

export function platformDomain(): string | undefined {
  const configured = process.env.PLATFORM_DOMAIN?.trim().toLowerCase().replace(/\.$/, "");
  if (configured) return configured;
  const stage = process.env.STAGE ?? "local";
  return stage === "local" || stage === "test" ? LOCAL_PLATFORM_DOMAIN : undefined;
}

/** A studio's free address, `<slug>.<platform domain>`, or null when the platform has no domain. */
export function platformHostOf(slug: string): string | null {
  const domain = platformDomain();
  return domain ? `${slug}.${domain}` : null;
}

/** The label of `<label>.<platform domain>` (one level below it only), else undefined. */
export function platformSubdomainLabel(hostname: string): string | undefined {
  const domain = platformDomain();
  if (!domain || !hostname.endsWith(`.${domain}`)) return undefined;
  const label = hostname.slice(0, -domain.length - 1);
  return label && !label.includes(".") ? label : undefined;
}

/** The platform's domain itself or any name under it. */
export function isPlatformHost(hostname: string): boolean {
  const domain = platformDomain();
  return Boolean(domain) && (hostname === domain || hostname.endsWith(`.${domain}`));
}
