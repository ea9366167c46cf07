import { z } from "@hono/zod-openapi";
import { NOTIFICATION_TYPES } from "@studiosync/core/notifications";

const typeSchema = z.enum(NOTIFICATION_TYPES);

export const UnsubscribeViewSchema = z
  .object({
    studio: z.object({ name: z.string(), slug: z.string(), themeColor: z.string().nullable(), logoUrl: z.string().nullable() }),
    email: z.string(),
    type: typeSchema,
    typeName: z.string().openapi({ description: "The type in plain words, e.g. Lesson reminders" }),
    subscribed: z.boolean().openapi({ description: "Whether the address still gets this type from the studio" }),
  })
  .openapi("UnsubscribeView");

export const SubscriptionSchema = z.object({ type: typeSchema, subscribed: z.boolean() }).openapi("Subscription");

export const MyNotificationsSchema = z
  .object({
    studio: z.object({ id: z.string(), name: z.string() }),
    email: z.string().openapi({ description: "The address the preferences are for (the account's)" }),
    preferences: z.array(z.object({ type: typeSchema, name: z.string(), description: z.string(), subscribed: z.boolean() })),
  })
  .openapi("MyNotifications");
