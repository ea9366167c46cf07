import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { ModuleName } from "@studiosync/functions/routing";
import { FILE_AREAS, type FileArea } from "./file-areas";

/**
 * Least privilege per Lambda: what each app Lambda may do to the table, the files bucket and SES.
 * Build a Lambda's statements with `grantStatements(resources, apiGrants(<name>))`; a new Lambda
 * (a job, a stream consumer) declares its own `Grants` the same way.
 *
 * `dynamodb:LeadingKeys` per tenant is not possible for the API Lambdas: one role serves every
 * studio, and each request starts with deliberate cross-tenant reads (session by token hash, user
 * by email, a user's memberships, public links by token). Scoping a request to its studio would
 * take an STS AssumeRole with a session tag per request. LeadingKeys is used where a partition is
 * fixed: the pay Lambda may delete only items of the dunning work queue (partitions `day_…`).
 */

/** Item-level actions ElectroDB needs. Transactions are authorized per contained item action. */
const READS = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];
const WRITES = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"];
const TABLE_ITEM_ACTIONS = [...READS, ...WRITES, "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

/** ElectroDB's partition key of the dunning work queue (DunningDueEntity: `$studiosync#day_<date>`). */
export const DUNNING_QUEUE_KEYS = "$studiosync#day_*";

export type TableAccess =
  /** Every item action (no Scan): the API's module Lambdas and the jobs. */
  | "items"
  /** Reads, puts and updates; deletes only in the dunning work queue; no batch writes (the pay Lambda). */
  | "payments";

export interface Grants {
  table?: TableAccess;
  /** Object actions per area of the files bucket (stacks/file-areas.ts). */
  files?: Partial<Record<FileArea, string[]>>;
  email?: boolean;
}

export interface GrantResources {
  tableArn: string;
  bucketArn: string;
  /** SES identity and configuration set ARNs. */
  emailArns: string[];
}

const allow = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
  new PolicyStatement({ effect: Effect.ALLOW, actions, resources, ...(conditions ? { conditions } : {}) });

function tableStatements(tableArn: string, access: TableAccess): PolicyStatement[] {
  // Indexes are only ever queried; no Scan anywhere (jobs read sparse indexes).
  const indexes = allow(["dynamodb:Query"], [`${tableArn}/index/*`]);
  if (access === "items") return [allow(TABLE_ITEM_ACTIONS, [tableArn]), indexes];
  return [
    allow([...READS, ...WRITES], [tableArn]),
    // A payment that settles an invoice removes its pending reminder from the dunning queue.
    allow(["dynamodb:DeleteItem"], [tableArn], { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [DUNNING_QUEUE_KEYS] } }),
    indexes,
  ];
}

/** The IAM statements a Lambda with these grants runs with. */
export function grantStatements(resources: GrantResources, grants: Grants): PolicyStatement[] {
  const files = Object.entries(grants.files ?? {}).map(([area, actions]) =>
    // Presigned PUT/GET are signed with this role, so it needs the object actions itself.
    allow(actions, [`${resources.bucketArn}/${FILE_AREAS[area as FileArea].objects}`]),
  );
  return [
    ...(grants.table ? tableStatements(resources.tableArn, grants.table) : []),
    ...files,
    ...(grants.email ? [allow(["ses:SendEmail", "ses:SendRawEmail"], resources.emailArns)] : []),
  ];
}

/**
 * The API Lambdas' grants where they differ from the default, every item action on the table (docs
 * gets none: it serves a static document). None sends mail: every email is an outbox message, sent
 * by the outbox Lambdas (stacks/outbox-functions.ts).
 */
const API_GRANTS: Partial<Record<ModuleName, Grants>> = {
  // Studio logos: a presigned upload, and presigned reads in studio views.
  platform: { table: "items", files: { branding: ["s3:GetObject", "s3:PutObject"] } },
  // Privacy exports: written, read through a presigned link, deleted by erasure; with the person's documents, read into the export and deleted by erasure.
  privacy: {
    table: "items",
    files: {
      privacyExports: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      resources: ["s3:GetObject", "s3:DeleteObject"],
      trash: ["s3:GetObject", "s3:DeleteObject"],
    },
  },
  // The resource library: presigned uploads and downloads, the confirm's check of the stored bytes, moves to and from the trash.
  resources: {
    table: "items",
    files: { resources: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], trash: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] },
  },
  // Conversations: presigned uploads of a message's files (checked with a HEAD) and presigned downloads.
  messaging: { table: "items", files: { messages: ["s3:GetObject", "s3:PutObject"] } },
  // Studio events (on the notices Lambda): presigned uploads of an event's files (checked with a HEAD) and presigned downloads.
  notices: { table: "items", files: { events: ["s3:GetObject", "s3:PutObject"] } },
  // The public invoice page shows the studio logo; webhooks record payments (and enqueue receipts).
  pay: { table: "payments", files: { branding: ["s3:GetObject"] } },
};

/** An API Lambda's grants: its own, or the table's items (a new API module needs no entry). */
export const apiGrants = (module: ModuleName): Grants => API_GRANTS[module] ?? { table: "items" };

/** The scheduled jobs: the table, never the files bucket; their mail goes through the outbox. */
export const JOB_GRANTS: Grants = { table: "items" };

/** The jobs that touch files, and how: the trash purge deletes the files of resources it purges. */
const JOB_FILES: Record<string, Grants["files"]> = {
  PurgeTrash: { resources: ["s3:DeleteObject"], trash: ["s3:DeleteObject"] },
};

/** A job's grants: the jobs' own, plus the file actions it alone needs. */
export const jobGrants = (job: string): Grants => (JOB_FILES[job] ? { ...JOB_GRANTS, files: JOB_FILES[job] } : JOB_GRANTS);
