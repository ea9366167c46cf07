import { resetConfig, resetDynamo } from "@studiosync/core/kernel";
import { LOCAL_CREDENTIALS } from "./aws-clients";

export interface EngineEndpoints {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  sesEndpoint: string;
  /** The Stripe emulator (stripe-local.ts); without it the app would call the real Stripe API. */
  stripeApiBase?: string;
}

export interface LocalEnv extends EngineEndpoints {
  stage: "local" | "test";
  tableName: string;
  bucketName: string;
  appSecret: string;
  webUrl: string;
  /** The local SMTP server that takes replies by email (inbound/smtp-inbound.ts), when one runs. */
  inboundSmtpPort?: number;
}

/** Points core (via process.env, see the contract) at the local engines and drops its caches. */
export function applyLocalEnv(env: LocalEnv): void {
  Object.assign(process.env, {
    STAGE: env.stage,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    TABLE_NAME: env.tableName,
    BUCKET_NAME: env.bucketName,
    APP_SECRET: env.appSecret,
    WEB_URL: env.webUrl,
    DYNAMODB_ENDPOINT: env.dynamodbEndpoint,
    S3_ENDPOINT: env.s3Endpoint,
    SES_ENDPOINT: env.sesEndpoint,
  });
  if (env.inboundSmtpPort) process.env.INBOUND_SMTP_PORT = String(env.inboundSmtpPort);
  if (env.stripeApiBase) {
    process.env.STRIPE_API_BASE = env.stripeApiBase;
    // The platform's own account at the emulator (it accepts any sk_ key), which bills the studios.
    process.env.PLATFORM_STRIPE_SECRET_KEY = "sk_test_studiosync_platform";
  } else delete process.env.STRIPE_API_BASE;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  resetConfig();
  resetDynamo();
}
