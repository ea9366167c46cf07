/**
 * Runtime configuration, read from the environment once per process.
 * Locally `packages/local` sets these; on AWS the stacks set them on the Lambda.
 */
export interface AppConfig {
  stage: string;
  region: string;
  tableName: string;
  bucketName: string;
  mailFrom: string;
  sesConfigurationSet?: string;
  /** Where links in emails point (the Astro site). */
  webUrl: string;
  /** The API's public base URL, for links mail clients call directly (one-click unsubscribe). */
  apiUrl: string;
  /** The current root secret (≥ 32 chars): every signing and sealing key derives from it (keys/key-ring.ts). */
  appSecret: string;
  /**
   * The key ring: the current root first, then older roots that still verify and decrypt.
   * APP_SECRET holds them comma-separated ("<new>,<old>") while a rotation is under way.
   */
  appSecrets: string[];
  /** The platform's own Stripe secret key, which bills the studios (platform-billing/); unset, no card is charged. */
  platformStripeKey?: string;
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  sesEndpoint?: string;
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  if (cached) return cached;
  const env = process.env;
  const appSecrets = (env.APP_SECRET ?? "").split(",").map((secret) => secret.trim());
  // Checked where it is used: the outbox consumer signs nothing and is not given the secret.
  const checkedSecrets = () => {
    if (appSecrets.some((secret) => secret.length < 32)) {
      throw new Error("APP_SECRET must be set to at least 32 characters (or a comma-separated list of such secrets, current first)");
    }
    return appSecrets;
  };
  cached = {
    stage: env.STAGE ?? "local",
    region: env.AWS_REGION ?? "us-east-1",
    tableName: required("TABLE_NAME"),
    bucketName: required("BUCKET_NAME"),
    mailFrom: env.MAIL_FROM ?? "StudioSync <no-reply@studiosync.local>",
    sesConfigurationSet: env.SES_CONFIGURATION_SET || undefined,
    webUrl: (env.WEB_URL ?? "http://127.0.0.1:4321").replace(/\/$/, ""),
    apiUrl: (env.API_URL ?? "http://127.0.0.1:3000").replace(/\/$/, ""),
    get appSecret() {
      return checkedSecrets()[0]!;
    },
    get appSecrets() {
      return checkedSecrets();
    },
    platformStripeKey: env.PLATFORM_STRIPE_SECRET_KEY || undefined,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: env.S3_ENDPOINT || undefined,
    sesEndpoint: env.SES_ENDPOINT || undefined,
  };
  return cached;
}

/** Tests and the local runtime change the environment between runs. */
export function resetConfig(): void {
  cached = undefined;
}

export const isProduction = () => config().stage === "production";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}
