import { beforeAll, describe, expect, it } from "vitest";
import { LAMBDA_HANDLERS } from "@studiosync/functions/routing";
import { functions, only, resources } from "./cfn";
import { SYNTH_TIMEOUT, synthApp, type Synthesized } from "./synth-app";

// Its own stage (SST keeps one app per process, artifacts are keyed by stage): a deploy that names
// the platform's domain and its Route 53 zone.
const DOMAIN = "studiosync.test";
const ZONE = "Z0123456789STUDIOSYNC";

let t: Synthesized;
beforeAll(async () => {
  t = await synthApp("domains", { STUDIOSYNC_PLATFORM_DOMAIN: DOMAIN, STUDIOSYNC_PLATFORM_HOSTED_ZONE_ID: ZONE });
}, SYNTH_TIMEOUT);

const distribution = () => only(t.web, "AWS::CloudFront::Distribution").resource.Properties.DistributionConfig;

describe("the platform's domain", () => {
  it("gets one DNS-validated certificate for the domain and every studio's subdomain", () => {
    const { id, resource } = only(t.web, "AWS::CertificateManager::Certificate");
    expect(resource.Properties).toMatchObject({
      DomainName: DOMAIN,
      SubjectAlternativeNames: [`*.${DOMAIN}`],
      ValidationMethod: "DNS",
      // One validation record serves both names (the wildcard's is the apex's).
      DomainValidationOptions: [{ DomainName: DOMAIN, HostedZoneId: ZONE }],
    });
    const config = distribution();
    expect(config.Aliases).toEqual([DOMAIN, `*.${DOMAIN}`]);
    expect(config.ViewerCertificate).toMatchObject({ AcmCertificateArn: { Ref: id }, SslSupportMethod: "sni-only" });
  });

  it("points the domain and its subdomains at the distribution", () => {
    const records = Object.values(resources(t.web, "AWS::Route53::RecordSet")).map((r) => [r.Properties.Name, r.Properties.Type, r.Properties.HostedZoneId]);
    expect(records.sort()).toEqual(
      [
        [`*.${DOMAIN}.`, "A", ZONE],
        [`*.${DOMAIN}.`, "AAAA", ZONE],
        [`${DOMAIN}.`, "A", ZONE],
        [`${DOMAIN}.`, "AAAA", ZONE],
      ].sort(),
    );
  });

  it("keys the server cache by the viewer's host, so one studio's page is never served at another's address", () => {
    const policies = Object.entries(resources(t.web, "AWS::CloudFront::CachePolicy")).filter(
      ([, p]) => p.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.HeaderBehavior === "whitelist",
    );
    expect(policies).toHaveLength(1);
    const [policyId, policy] = policies[0]!;
    const key = policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin;
    expect(key.HeadersConfig.Headers).toEqual(["x-forwarded-host"]);
    expect(key.CookiesConfig.CookieBehavior).toBe("none");
    expect(distribution().DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: policyId });
  });

  it("tells the site and the API the domain", () => {
    const [site] = functions(t.web, (p) => p.Environment?.Variables?.API_URL !== undefined);
    expect(site?.Properties.Environment.Variables).toMatchObject({ PLATFORM_DOMAIN: DOMAIN, WEB_URL: `https://${DOMAIN}` });
    for (const handler of [LAMBDA_HANDLERS.hosting, LAMBDA_HANDLERS.platform]) {
      const [fn] = functions(t.api, (p) => p.Handler === handler);
      expect(fn?.Properties.Environment.Variables.PLATFORM_DOMAIN, handler).toBe(DOMAIN);
    }
  });
});
