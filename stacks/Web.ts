import { AstroSite, use, type StackContext } from "sst/constructs";
import { Api } from "./Api";
import { Jobs } from "./Jobs";
import { hostAwareServerCachePolicy, platformSiteDomain, wildcardRecords } from "./platform-domain";
import { webUrl } from "./settings";

export function Web({ stack }: StackContext) {
  const { api, appSecret, appFunctions } = use(Api);
  const { jobFunctions } = use(Jobs);
  // With a platform domain (stacks/platform-domain.ts): the site at the domain, each studio at
  // `<slug>.<domain>`, one certificate for both names.
  const platform = platformSiteDomain(stack);
  const siteUrl = webUrl() ?? (platform ? `https://${platform.domain}` : undefined);

  const site = new AstroSite(stack, "Site", {
    path: "web",
    runtime: "nodejs22.x",
    environment: {
      API_URL: api.url,
      // The site's middleware serves a studio's public pages at its hosts and sends its own
      // sections (sign-in, workspace) to its address (web/src/lib/studio-host-routing.ts).
      ...(platform ? { PLATFORM_DOMAIN: platform.domain } : {}),
      ...(siteUrl ? { WEB_URL: siteUrl } : {}),
    },
    // The site signs the visitor addresses it forwards to the API's per-IP limits with a key
    // derived from APP_SECRET (web/src/lib/site-secret.ts).
    bind: [appSecret],
    ...(platform ? { customDomain: platform.customDomain } : {}),
    cdk: { serverCachePolicy: hostAwareServerCachePolicy(stack) },
  });
  if (platform && site.cdk) wildcardRecords(stack, platform, site.cdk.distribution);

  // The API needs the site URL for email links, but the site already depends on the API.
  // SST binds a site through an SSM parameter (env placeholder + ssm:GetParameters on a
  // fixed path), so this adds no Api -> Web CloudFormation reference and no cycle.
  for (const fn of [...appFunctions, ...jobFunctions]) fn.bind([site]);
  // Each studio's free address and the host → studio lookup (core/domains/platform-domain.ts).
  if (platform) for (const fn of appFunctions) fn.addEnvironment("PLATFORM_DOMAIN", platform.domain);

  stack.addOutputs({ SiteUrl: site.customDomainUrl ?? site.url ?? "" });
  return { site };
}
