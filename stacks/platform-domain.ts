import { Duration } from "aws-cdk-lib";
import { Certificate, CertificateValidation } from "aws-cdk-lib/aws-certificatemanager";
import { CacheCookieBehavior, CacheHeaderBehavior, CachePolicy, CacheQueryStringBehavior, type IDistribution } from "aws-cdk-lib/aws-cloudfront";
import { AaaaRecord, ARecord, HostedZone, RecordTarget, type IHostedZone } from "aws-cdk-lib/aws-route53";
import { CloudFrontTarget } from "aws-cdk-lib/aws-route53-targets";
import type { AstroSite, Stack } from "sst/constructs";

/** The object form of an AstroSite's `customDomain`. */
type SsrDomainProps = Exclude<NonNullable<ConstructorParameters<typeof AstroSite>[2]>["customDomain"], string | undefined>;

/**
 * The platform's domain (deploy-time, like stacks/settings.ts): `STUDIOSYNC_PLATFORM_DOMAIN`
 * (e.g. `studiosync.app`) serves the site at the domain itself and every studio at
 * `<slug>.<domain>`. With it, the Web stack adds one ACM certificate for `<domain>` and
 * `*.<domain>` (DNS-validated, in us-east-1 as CloudFront requires) and both names as the
 * distribution's alternate names. `STUDIOSYNC_PLATFORM_HOSTED_ZONE_ID`, when the domain's zone is
 * in Route 53, lets CloudFormation publish the validation records and the alias records (apex and
 * wildcard) itself; without it the deploy waits until the validation CNAMEs shown in the ACM
 * console are added at the domain's DNS host, and the two records are added there by hand.
 * A studio's own domain is not here: see the README ("Custom domains").
 */
export function platformDomain(): string | undefined {
  return process.env.STUDIOSYNC_PLATFORM_DOMAIN?.trim().toLowerCase().replace(/\.$/, "") || undefined;
}

function platformHostedZoneId(): string | undefined {
  return process.env.STUDIOSYNC_PLATFORM_HOSTED_ZONE_ID?.trim() || undefined;
}

export interface PlatformDomain {
  domain: string;
  zone?: IHostedZone;
  /** The AstroSite's `customDomain`. */
  customDomain: SsrDomainProps;
}

/** The certificate and the AstroSite's domain settings for the platform's domain, when one is configured. */
export function platformSiteDomain(stack: Stack): PlatformDomain | undefined {
  const domain = platformDomain();
  if (!domain) return undefined;
  if (stack.region !== "us-east-1")
    throw new Error(`STUDIOSYNC_PLATFORM_DOMAIN needs the app in us-east-1 (CloudFront's certificates live there); this stage deploys to ${stack.region}`);
  const zoneId = platformHostedZoneId();
  const zone = zoneId ? HostedZone.fromHostedZoneAttributes(stack, "PlatformZone", { hostedZoneId: zoneId, zoneName: domain }) : undefined;
  const certificate = new Certificate(stack, "PlatformCertificate", {
    domainName: domain,
    subjectAlternativeNames: [`*.${domain}`],
    validation: CertificateValidation.fromDns(zone),
  });
  const customDomain: SsrDomainProps = zone
    ? { domainName: domain, alternateNames: [`*.${domain}`], cdk: { hostedZone: zone, certificate } }
    : { domainName: domain, alternateNames: [`*.${domain}`], isExternalDomain: true, cdk: { certificate } };
  return { domain, zone, customDomain };
}

/** `*.<domain>` → the distribution (SST publishes the apex's records itself). */
export function wildcardRecords(stack: Stack, { domain, zone }: PlatformDomain, distribution: IDistribution) {
  if (!zone) return;
  const props = { zone, recordName: `*.${domain}`, target: RecordTarget.fromAlias(new CloudFrontTarget(distribution)) };
  new ARecord(stack, "PlatformWildcard", props);
  new AaaaRecord(stack, "PlatformWildcardAAAA", props);
}

/**
 * SST's server cache policy (query strings, no cookies, TTL from the response) plus the viewer's
 * host: the site serves a different studio per host (web/src/lib/studio-host-routing.ts), and its
 * public pages are cached for a minute (`s-maxage`), so without the host in the key one studio's
 * page could be served at another's address. `x-forwarded-host` is the viewer's Host, copied by
 * SST's viewer-request function (the Host itself can't reach a Lambda URL origin).
 */
export function hostAwareServerCachePolicy(stack: Stack) {
  return new CachePolicy(stack, "SiteServerCache", {
    queryStringBehavior: CacheQueryStringBehavior.all(),
    headerBehavior: CacheHeaderBehavior.allowList("x-forwarded-host"),
    cookieBehavior: CacheCookieBehavior.none(),
    defaultTtl: Duration.days(0),
    maxTtl: Duration.days(365),
    minTtl: Duration.days(0),
    enableAcceptEncodingBrotli: true,
    enableAcceptEncodingGzip: true,
    comment: "StudioSync server responses: keyed by query string and viewer host",
  });
}
