import { z } from "@hono/zod-openapi";

/** The usage page's answers (core/metering): counters, bills at the platform's price, and the usage events behind them. */
const UsageLineSchema = z
  .object({
    metric: z.enum(["activeStudents", "emailsSent", "storage"]),
    description: z.string(),
    used: z.number().openapi({ description: "Students, emails, or GB-months (to 3 decimals)" }),
    included: z.number().openapi({ description: "The free allowance" }),
    billable: z.number(),
    unitPriceMinor: z.number().int().openapi({ description: "The price per `per` units beyond the allowance, in cents" }),
    per: z.number().int(),
    amountMinor: z.number().int(),
  })
  .openapi("UsageLine");

const UsageBillSchema = z
  .object({
    month: z.string(),
    priceVersion: z.string(),
    currency: z.string(),
    lines: z.array(UsageLineSchema),
    totalMinor: z.number().int(),
  })
  .openapi("UsageBill");

const MonthUsageSchema = z
  .object({
    month: z.string().openapi({ description: "YYYY-MM, in the studio's zone" }),
    activeStudents: z.number().int().openapi({ description: "Students with at least one lesson held or scheduled in the month, each counted once" }),
    lessonsHeld: z.number().int(),
    emailsSent: z.number().int(),
    storageGbMonths: z.number(),
    bill: UsageBillSchema,
  })
  .openapi("MonthUsage");

const PlatformPriceSchema = z
  .object({
    version: z.string(),
    from: z.string(),
    currency: z.string(),
    freeActiveStudents: z.number().int(),
    perActiveStudentMinor: z.number().int(),
    freeEmails: z.number().int(),
    perThousandEmailsMinor: z.number().int(),
    freeStorageGbMonths: z.number(),
    perGbMonthMinor: z.number().int(),
  })
  .openapi("PlatformPrice");

export const UsageOverviewSchema = z
  .object({
    timeZone: z.string(),
    current: MonthUsageSchema.extend({
      projected: UsageBillSchema.openapi({ description: "The bill at the month's end if storage stays where it is" }),
      storageBytes: z.number().int(),
      price: PlatformPriceSchema,
    }),
    months: z.array(MonthUsageSchema).openapi({ description: "The last 12 months, oldest first, this month last" }),
  })
  .openapi("UsageOverview");

export const UsageMarkPageSchema = z
  .object({
    items: z.array(
      z.object({
        key: z.string().openapi({ description: "The event's id in its metric: the student, the lesson, the message, the local date sampled" }),
        label: z.string(),
        at: z.string(),
        amount: z.number().int().openapi({ description: "1, or the bytes a storage sample found" }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("UsageMarkPage");

const apiKeyFields = {
  id: z.string(),
  name: z.string(),
  prefix: z.string().openapi({ description: "The key's first characters, to tell keys apart; the key itself is shown once, when created" }),
  scopes: z.array(z.enum(["read", "write", "billing"])),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable().openapi({ description: "Recorded at most once a minute" }),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
};

export const ApiKeySchema = z.object(apiKeyFields).openapi("ApiKey");

export const NewApiKeySchema = z
  .object({
    ...apiKeyFields,
    token: z.string().openapi({ description: "The key, `ssk_…`: shown in this answer only. Send it as `Authorization: Bearer <key>`" }),
  })
  .openapi("NewApiKey");

export const ApiKeyPageSchema = z.object({ items: z.array(ApiKeySchema), nextCursor: z.string().nullable() }).openapi("ApiKeyPage");
