/**
 * APP_SECRET, which the site shares with the API to sign the visitor addresses it forwards
 * (see @studiosync/core/rate-limit/visitor-ip). Locally it is in the environment; deployed, SST
 * binds it through SSM (stacks/Web.ts) and importing sst/node/config fetches it at cold start.
 */
declare module "sst/node/config" {
  export interface SecretResources {
    APP_SECRET: { value: string };
  }
}

async function load(): Promise<string | undefined> {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  if (!process.env.SST_APP) return undefined;
  const { Config } = await import("sst/node/config");
  return Config.APP_SECRET;
}

const secret = await load();

/** The shared secret, or undefined when the site runs without one (then no address is forwarded). */
export const siteSecret = (): string | undefined => process.env.APP_SECRET || secret;
