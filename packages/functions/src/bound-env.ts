import { Config } from "sst/node/config";
import { AstroSite } from "sst/node/site";

declare module "sst/node/config" {
  export interface SecretResources {
    APP_SECRET: { value: string };
  }
}
declare module "sst/node/site" {
  export interface AstroSiteResources {
    Site: { url: string };
  }
}

// Deployed, SST binds APP_SECRET and the site URL through SSM; importing sst/node/* fetches them
// (top-level await). Copy them into the env vars core reads. Locally SST_APP is unset.
if (process.env.SST_APP) {
  process.env.APP_SECRET ||= Config.APP_SECRET;
  process.env.WEB_URL ||= AstroSite.Site.url;
}
