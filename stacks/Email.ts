import type { StackContext } from "sst/constructs";
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from "aws-cdk-lib/aws-ses";
import { Topic } from "aws-cdk-lib/aws-sns";
import { emailDomain } from "./settings";

/**
 * SES domain identity + configuration set. Names and ARNs are returned as plain strings (not
 * CloudFormation refs) so the Api stack can scope IAM to them without cross-stack exports.
 * The configuration set publishes bounces, complaints, deliveries and opens to an SNS topic; the SES
 * events Lambda (stacks/ses-events-function.ts) marks bouncing and complaining addresses
 * undeliverable and moves the delivery receipts of tracked mailings (announcements).
 */
export function Email({ stack, app }: StackContext) {
  const domain = emailDomain();
  const configurationSetName = app.logicalPrefixedName("mail");

  const configurationSet = new ConfigurationSet(stack, "ConfigurationSet", {
    configurationSetName,
    reputationMetrics: true,
  });

  const sesEvents = new Topic(stack, "SesEvents", { displayName: "SES bounces, complaints, deliveries and opens" });
  configurationSet.addEventDestination("BouncesAndComplaints", {
    destination: EventDestination.snsTopic(sesEvents),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY, EmailSendingEvent.OPEN],
  });

  // Easy DKIM: after the first deploy, publish the three DKIM CNAMEs shown in the SES console.
  new EmailIdentity(stack, "Identity", {
    identity: Identity.domain(domain),
    configurationSet,
  });

  const identityArn = stack.formatArn({ service: "ses", resource: "identity", resourceName: domain });
  const configurationSetArn = stack.formatArn({
    service: "ses",
    resource: "configuration-set",
    resourceName: configurationSetName,
  });
  const mailFrom = `StudioSync <no-reply@${domain}>`;

  stack.addOutputs({ MailFrom: mailFrom, ConfigurationSet: configurationSetName });
  return { domain, mailFrom, identityName: domain, identityArn, configurationSetName, configurationSetArn, sesEvents };
}
