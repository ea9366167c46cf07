import { ReceiptRuleSet, TlsPolicy } from "aws-cdk-lib/aws-ses";
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from "aws-cdk-lib/aws-ses-actions";
import { Function, type Bucket, type FunctionProps, type Stack } from "sst/constructs";
import { FILE_AREAS } from "./file-areas";
import { grantStatements, type GrantResources } from "./grants";
import { replyDomain } from "./settings";

export const INBOUND_EMAIL_HANDLER = "packages/functions/src/jobs/inbound-email.handler";

interface InboundInputs {
  files: Bucket;
  /** The app Lambdas' props (environment, bound app secret: reply addresses are signed with it). */
  appFunctionProps: Omit<FunctionProps, "handler">;
  grantResources: GrantResources;
}

/**
 * Replies by email (core/messaging/replies): an SES receipt rule set for the reply domain whose one
 * rule stores each message in the files bucket (`inbound/<SES message id>`, an area that empties
 * itself after 30 days) and then invokes the inbound Lambda, which posts the reply into its thread
 * or bounces it politely. SES scans for spam and viruses and passes its SPF and DKIM verdicts,
 * which the Lambda refuses on FAIL. Least privilege: the Lambda reads the inbound area, writes
 * message files, and has the table's item actions (its mail goes through the outbox). After the
 * first deploy: publish the reply domain's MX (`10 inbound-smtp.<region>.amazonaws.com`) and make
 * the rule set active (`aws ses set-active-receipt-rule-set`); see the README.
 */
export function inboundMail(stack: Stack, { files, appFunctionProps, grantResources }: InboundInputs) {
  const fn = new Function(stack, "InboundEmail", {
    ...appFunctionProps,
    handler: INBOUND_EMAIL_HANDLER,
    description: "Takes replies by email: posts each into its conversation as its sender, or bounces it politely",
    memorySize: 1024,
    timeout: 60,
    permissions: grantStatements(grantResources, { table: "items", files: { inbound: ["s3:GetObject"], messages: ["s3:PutObject"] } }),
  });
  const ruleSet = new ReceiptRuleSet(stack, "InboundRules", { receiptRuleSetName: `${stack.stackName}-inbound` });
  ruleSet.addRule("Replies", {
    recipients: [replyDomain()],
    scanEnabled: true,
    tlsPolicy: TlsPolicy.OPTIONAL,
    actions: [
      new S3Action({ bucket: files.cdk.bucket, objectKeyPrefix: FILE_AREAS.inbound.prefix }),
      new LambdaAction({ function: fn, invocationType: LambdaInvocationType.EVENT }),
    ],
  });
  stack.addOutputs({ ReplyDomain: replyDomain(), InboundRuleSet: ruleSet.receiptRuleSetName });
  return { inboundEmail: fn, ruleSet };
}
