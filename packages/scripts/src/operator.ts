import { userInfo } from "node:os";
import { config } from "@studiosync/core/kernel";
import { setPlatformOperator } from "@studiosync/core/operators";

/**
 * `npm run operator -- grant <email>` / `revoke <email>`: makes the account that signs in with
 * <email> one of the platform's operators (the /platform console: every studio, its usage and
 * invoices, suspensions), or no longer one. The API has no way to; this writes the table core's
 * config names (TABLE_NAME, AWS_REGION, DYNAMODB_ENDPOINT for a local engine, as `npm run migrate`)
 * and records who ran it in the operators' log.
 */
const USAGE = "Usage: npm run operator -- grant <email> | revoke <email>";

// DynamoDB Local (the table `npm start` runs, whose banner prints this command) takes any credentials.
if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(process.env.DYNAMODB_ENDPOINT ?? "")) {
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
}

const [command, email, ...rest] = process.argv.slice(2);
if ((command !== "grant" && command !== "revoke") || !email || rest.length > 0) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  try {
    const granting = command === "grant";
    const { email: address, changed } = await setPlatformOperator(email, granting, `cli:${userInfo().username}`);
    const table = config().tableName;
    console.log(
      changed
        ? `${table}: ${address} is ${granting ? "now a platform operator" : "no longer a platform operator"}. Their next request sees it.`
        : `${table}: ${address} ${granting ? "already is" : "is not"} a platform operator; nothing changed.`,
    );
  } catch (error) {
    console.error(`npm run operator failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
