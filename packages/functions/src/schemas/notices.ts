import { z } from "@hono/zod-openapi";
import { MAIL_CHOICES, PREFERENCE_TYPES } from "@studiosync/core/notifications";

/** The notification centre's and the per-channel preferences' answers (the notices Lambda carries the centre, the platform Lambda the preferences). */
const preferenceTypeSchema = z.enum(PREFERENCE_TYPES);
const mailChoiceSchema = z
  .enum(MAIL_CHOICES)
  .openapi({ description: "immediate: each email as it happens; digest: one email a day at 18:00 in the studio's zone; off: none" });

export const NoticeSchema = z
  .object({
    id: z.string().openapi({ description: "Opaque; names the entry to POST /v1/me/notifications/read" }),
    type: preferenceTypeSchema,
    studio: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    text: z.string().nullable(),
    link: z.string().nullable().openapi({ description: "The page it is about" }),
    count: z.number().int().openapi({ description: "How many notices of the day the entry stands for (e.g. 3 new messages in one conversation)" }),
    at: z.string().openapi({ description: "When the latest of them came" }),
    read: z.boolean(),
  })
  .openapi("Notice");

export const NoticePageSchema = z
  .object({
    items: z.array(NoticeSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().openapi({ description: "Unread entries, counted up to 100" }),
    confirmed: z.boolean().openapi({ description: "False until the account's address is confirmed: the centre stays empty until then" }),
  })
  .openapi("NoticePage");

export const UnreadNoticesSchema = z.object({ unread: z.number().int() }).openapi("UnreadNotices");

export const MyPreferencesSchema = z
  .object({
    email: z.string().openapi({ description: "The address the preferences are for (the account's)" }),
    studios: z.array(
      z.object({
        studio: z.object({ id: z.string(), name: z.string() }),
        preferences: z.array(
          z.object({
            type: preferenceTypeSchema,
            name: z.string(),
            description: z.string(),
            essential: z.boolean().openapi({ description: "Always emailed as it happens" }),
            email: mailChoiceSchema,
            emailChoices: z.array(mailChoiceSchema),
            inApp: z.boolean().nullable().openapi({ description: "Shown in the notification centre; null where the type never is" }),
          }),
        ),
      }),
    ),
  })
  .openapi("MyPreferences");
