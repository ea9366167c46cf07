import { z } from "@hono/zod-openapi";

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), phone: z.string().nullable(), emailVerified: z.boolean() })
  .openapi("User");

/** The same for a new and an existing email: nothing in it says which (issue 10 #5). */
export const SignUpAcceptedSchema = z.object({ email: z.string().openapi({ description: "Where the next step was emailed" }) }).openapi("SignUpAccepted");

export const SessionSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Seconds until the access token expires" }),
    refreshToken: z.string().openapi({ description: "Single use: each refresh returns a new one" }),
    refreshExpiresAt: z.string(),
    user: z.object({ id: z.string(), email: z.string() }),
  })
  .openapi("Session");

export const MeSchema = z
  .object({
    user: UserSchema,
    memberships: z.array(
      z.object({
        role: z.enum(["owner", "admin", "teacher", "student", "parent"]),
        studio: z.object({
          id: z.string(),
          name: z.string(),
          slug: z.string(),
          timeZone: z.string(),
          currency: z.string(),
          country: z.string().nullable(),
          themeColor: z.string().nullable(),
          pausedReason: z.enum(["unpaid", "suspended"]).nullable().openapi({
            description: "Set while the studio is paused (unpaid StudioSync invoice, or suspended): its members may only read and pay",
          }),
        }),
        teacherId: z.string().nullable().openapi({ description: "The member's teacher record, for a teacher" }),
        studentId: z.string().nullable().openapi({ description: "The member's student record, for a student" }),
        familyId: z.string().nullable().openapi({ description: "The member's family, for a parent" }),
      }),
    ),
    unreadNotifications: z.number().int().openapi({ description: "Unread entries in the notification centre (the bell), counted up to 100" }),
  })
  .openapi("Me");

export const AccountSessionsSchema = z
  .object({
    sessions: z.array(
      z.object({
        id: z.string(),
        userAgent: z.string().nullable().openapi({ description: "The browser or app that signed in, as it named itself" }),
        signedInAt: z.string(),
        lastUsedAt: z.string(),
        current: z.boolean().openapi({ description: "The sign-in this request was made with" }),
      }),
    ),
  })
  .openapi("AccountSessions");

export const EmailChangedSchema = z.object({ email: z.string() }).openapi("EmailChanged");
