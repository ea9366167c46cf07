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
// (top-level await). Copy them into the env vars core reads. Locally SST_APP is unset and these
// modules (and the SSM client they load) are never imported.
if (process.env.SST_APP) {
  const [{ Config }, { AstroSite }] = await Promise.all([import("sst/node/config"), import("sst/node/site")]);
  process.env.APP_SECRET ||= Config.APP_SECRET;
  process.env.WEB_URL ||= AstroSite.Site.url;
}

export {};
