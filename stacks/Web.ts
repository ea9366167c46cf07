import { AstroSite, use, type StackContext } from "sst/constructs";
import { Api } from "./Api";
import { Jobs } from "./Jobs";

export function Web({ stack }: StackContext) {
  const { api, appSecret, appFunctions } = use(Api);
  const { jobFunctions } = use(Jobs);

  const site = new AstroSite(stack, "Site", {
    path: "web",
    runtime: "nodejs22.x",
    environment: { API_URL: api.url },
    // The site signs the visitor addresses it forwards to the API's per-IP limits with a key
    // derived from APP_SECRET (web/src/lib/site-secret.ts).
    bind: [appSecret],
  });

  // The API needs the site URL for email links, but the site already depends on the API.
  // SST binds a site through an SSM parameter (env placeholder + ssm:GetParameters on a
  // fixed path), so this adds no Api -> Web CloudFormation reference and no cycle.
  for (const fn of [...appFunctions, ...jobFunctions]) fn.bind([site]);

  stack.addOutputs({ SiteUrl: site.url ?? "" });
  return { site };
}
