import { z } from "zod";
import { NOTIFICATION_TYPES, type NotificationType } from "./notification-types";

/** The types to change, each `true` (send it) or `false` (stop it); types left out stay as they are. */
export const notificationPreferencesSchema = z
  .object(Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, z.boolean().optional()])) as Record<NotificationType, z.ZodOptional<z.ZodBoolean>>)
  .strict();
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

export const unsubscribeTokenSchema = z.string().min(1).max(1000);
