export interface BannerInput {
  webUrl: string;
  apiUrl: string;
  sesEndpoint: string;
  stripeApiBase: string;
  inboundSmtpPort: number;
  dataDir: string;
  studioUrlPath: string;
  ownerEmail: string;
  ownerPassword: string;
  teacherEmail: string;
  teacherPassword: string;
  parentEmail: string;
  parentPassword: string;
  /** The demo's platform operator (the /platform console), and where `npm run operator` reaches this table. */
  operatorEmail?: string;
  operatorPassword?: string;
  dynamodbEndpoint?: string;
  tableName?: string;
  seeded: boolean;
  webError?: string;
}

/** The one block `npm start` prints once everything answers. */
export function printBanner(input: BannerInput): void {
  const rows: Array<[string, string]> = [
    ["Site", input.webError ? `not running — ${input.webError}` : `${input.webUrl}/`],
    ["Demo studio page", `${input.webUrl}${input.studioUrlPath}`],
    ["API", `${input.apiUrl}/v1`],
    ["OpenAPI document", `${input.apiUrl}/v1/openapi.json`],
    ["API reference", `${input.apiUrl}/v1/reference`],
    ["Sent email (SES)", `${input.sesEndpoint}/`],
    ["Replies by email (SMTP)", `127.0.0.1:${input.inboundSmtpPort} — reply to a conversation's email with any mail client or swaks`],
    ["Stripe (local emulator)", `${input.stripeApiBase}/v1 — any sk_test_… key; webhooks to ${input.apiUrl}/v1/webhooks/stripe`],
    [
      "Jobs",
      "lesson materialiser, reminders, make-up credit expiry, billing run, invoice reminders, loan reminders, message mail: run at start, then on schedule",
    ],
    ["Demo owner login", `${input.ownerEmail} / ${input.ownerPassword}${input.seeded ? " (just created)" : ""}`],
    ["Demo teacher login", `${input.teacherEmail} / ${input.teacherPassword}`],
    ["Demo parent login", `${input.parentEmail} / ${input.parentPassword}`],
    ...(input.operatorEmail
      ? ([["Demo operator login", `${input.operatorEmail} / ${input.operatorPassword} — the platform console: ${input.webUrl}/platform`]] as Array<
          [string, string]
        >)
      : []),
    ...(input.dynamodbEndpoint && input.tableName
      ? ([
          [
            "Make an operator",
            `DYNAMODB_ENDPOINT=${input.dynamodbEndpoint} TABLE_NAME=${input.tableName} BUCKET_NAME=${input.tableName} npm run operator -- grant <email>`,
          ],
        ] as Array<[string, string]>)
      : []),
    ["Data", `${input.dataDir} (npm start -- --fresh wipes it)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  const rule = "─".repeat(Math.max(...lines.map((line) => line.length)) + 2);
  console.log(`\n${rule}\n  StudioSync is running locally — Ctrl-C stops everything\n${rule}`);
  console.log(lines.join("\n"));
  console.log(`${rule}\n`);
}
