import { beforeAll, describe, expect, it } from "vitest";
import { flatten, functions, only, resources, roleStatements } from "./cfn";
import { LAMBDA_HANDLERS } from "@studiosync/functions/routing";
import { SYNTH_TIMEOUT, synthApp, type Synthesized } from "./synth-app";

// A separate file (own process state) because SST keeps one app per process; artifacts are
// keyed by stage, so it can synth in parallel with synth.test.ts.
let t: Synthesized;
beforeAll(async () => {
  t = await synthApp("production", {
    STUDIOSYNC_EMAIL_DOMAIN: "mail.studiosync.test",
    STUDIOSYNC_WEB_URL: "https://app.studiosync.test/",
  });
}, SYNTH_TIMEOUT);

describe("production stage", () => {
  it("retains and protects the data", () => {
    const table = only(t.storage, "AWS::DynamoDB::Table").resource;
    expect(table.DeletionPolicy).toBe("Retain");
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(only(t.storage, "AWS::S3::Bucket").resource.DeletionPolicy).toBe("Retain");
    expect(resources(t.storage, "Custom::S3AutoDeleteObjects")).toEqual({});
  });

  it("uses the deploy-time domain for mail, links and browser uploads", () => {
    expect(only(t.email, "AWS::SES::EmailIdentity").resource.Properties.EmailIdentity).toBe("mail.studiosync.test");
    const [fn] = functions(t.api, (p) => p.Handler === LAMBDA_HANDLERS.platform);
    expect(fn?.Properties.Environment.Variables).toMatchObject({
      STAGE: "production",
      WEB_URL: "https://app.studiosync.test",
      MAIL_FROM: "StudioSync <no-reply@mail.studiosync.test>",
      SES_CONFIGURATION_SET: "production-studiosync-mail",
    });
    // Only the outbox sends mail (stacks/outbox-functions.ts).
    const [consumer] = functions(t.jobs, (p) => p.Handler === "packages/functions/src/jobs/outbox-consumer.handler");
    const ses = roleStatements(t.jobs, consumer?.Properties.Role).find((s) => s.actions.includes("ses:SendEmail"));
    expect(ses?.resources).toEqual([
      "arn:aws:ses:us-east-1:123456789012:configuration-set/production-studiosync-mail",
      "arn:aws:ses:us-east-1:123456789012:identity/mail.studiosync.test",
    ]);
    const cors = only(t.storage, "AWS::S3::Bucket").resource.Properties.CorsConfiguration.CorsRules;
    expect(cors.map((r: { AllowedOrigins: string[] }) => r.AllowedOrigins)).toEqual([["https://app.studiosync.test"]]);
    expect(flatten(only(t.web, "AWS::SSM::Parameter").resource.Properties.Name)).toBe("/sst/studiosync/production/AstroSite/Site/url");
  });
});
