/**
 * Deploy-time inputs, read from the environment of the `sst deploy` process (never from AWS),
 * so synth stays offline and the same stack code serves every stage.
 */

/** Domain verified in SES; mail is sent as `StudioSync <no-reply@DOMAIN>`. */
export function emailDomain(): string {
  return process.env.STUDIOSYNC_EMAIL_DOMAIN?.trim() || "studiosync.example";
}

/**
 * The domain of reply addresses (`r-<id>-<mac>@<domain>`): its MX points at SES receiving
 * (`inbound-smtp.<region>.amazonaws.com`), whose receipt rule hands each message to the inbound
 * Lambda (stacks/inbound-mail.ts). A subdomain, so the sending domain's own mail is untouched.
 */
export function replyDomain(): string {
  return (process.env.STUDIOSYNC_REPLY_DOMAIN?.trim() || `reply.${emailDomain()}`).toLowerCase();
}

/**
 * The site's public base URL (e.g. "https://app.studiosync.com") when it is known before the
 * deploy, i.e. a custom domain. Without it the API learns the CloudFront URL at runtime from
 * the AstroSite binding (see stacks/Web.ts) and the bucket allows no CORS origin, so uploads go
 * through the site's server (stacks/Storage.ts).
 */
export function webUrl(): string | undefined {
  const url = process.env.STUDIOSYNC_WEB_URL?.trim();
  return url ? url.replace(/\/+$/, "") : undefined;
}

/** API Gateway's default per-route limit (steady requests per second, and burst). */
export const API_THROTTLE = { rate: 200, burst: 400 } as const;
