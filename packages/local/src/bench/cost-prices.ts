/**
 * AWS's public on-demand list prices in US East (N. Virginia), in USD, as the cost model
 * (cost-model.ts) prices a studio's month with. No free tier is applied (it is the account's,
 * not a studio's) and no volume tier beyond the first (a studio's share never reaches one).
 * Checked against the AWS pricing pages on PRICES_CHECKED_ON; update the date with the numbers.
 */
export const PRICES_CHECKED_ON = "2026-12-04";
export const PRICES_REGION = "us-east-1";

/** DynamoDB on-demand, Standard table class (the 2024-11-01 prices): per million request units. */
export const DYNAMODB_PER_MILLION_WRITE_REQUEST_UNITS = 0.625;
export const DYNAMODB_PER_MILLION_READ_REQUEST_UNITS = 0.125;
/** DynamoDB storage, Standard table class, per GB-month. */
export const DYNAMODB_STORAGE_PER_GB_MONTH = 0.25;
/** Continuous backups (point-in-time recovery, on for the table: stacks/Storage.ts), per GB-month of table. */
export const DYNAMODB_PITR_PER_GB_MONTH = 0.2;

/** Lambda on Arm (every function in stacks/ is arm_64): per million requests and per GB-second (first tier). */
export const LAMBDA_PER_MILLION_REQUESTS = 0.2;
export const LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;

/** API Gateway HTTP API, per million requests (first 300 million; metered in 512 KB steps). */
export const HTTP_API_PER_MILLION_REQUESTS = 1.0;

/** SES outbound email, per 1,000 emails. */
export const SES_PER_THOUSAND_EMAILS = 0.1;
/** SNS standard topic publishes (the SES events topic, stacks/Email.ts), per million; deliveries to Lambda are free. */
export const SNS_PER_MILLION_PUBLISHES = 0.5;

/** S3 Standard: storage per GB-month (first 50 TB), requests per 1,000 (PUT/COPY/POST/LIST, and GET). */
export const S3_STANDARD_PER_GB_MONTH = 0.023;
export const S3_PER_THOUSAND_PUT_REQUESTS = 0.005;
export const S3_PER_THOUSAND_GET_REQUESTS = 0.0004;
/** Data transfer out of AWS to the internet (S3 downloads through presigned links), per GB (first 10 TB). */
export const DATA_TRANSFER_OUT_PER_GB = 0.09;

/** CloudFront in front of the site (SST's AstroSite): HTTPS requests per 10,000 and data out per GB (US, Europe). */
export const CLOUDFRONT_PER_TEN_THOUSAND_HTTPS_REQUESTS = 0.01;
export const CLOUDFRONT_DATA_OUT_PER_GB = 0.085;

/** CloudWatch Logs ingestion (Standard log class), per GB: the Lambdas' log lines. */
export const CLOUDWATCH_LOGS_INGESTION_PER_GB = 0.5;
