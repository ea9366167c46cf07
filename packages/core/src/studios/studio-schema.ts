import { z } from "../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** What anyone may see of a studio on its public page (studio-view.ts maps a record to it). */
export const PublicStudioSchema = z
  .object({
    name: z.string(),
    slug: z.string(),
    timeZone: z.string().openapi({ example: "Europe/London" }),
    description: optional,
    website: optional,
    email: optional,
    phone: optional,
    address: optional,
    city: optional,
    state: optional,
    country: optional,
    postalCode: optional,
    themeColor: optional.openapi({ example: "#4f46e5" }),
    logoUrl: optional.openapi({ description: "Time-limited URL of the logo image" }),
  })
  .openapi("PublicStudio");

export type PublicStudio = z.infer<typeof PublicStudioSchema>;

/** What the studio's members see: the public profile plus settings. */
export const StudioSchema = PublicStudioSchema.extend({
  id: z.string(),
  currency: z.string().openapi({ example: "GBP" }),
  logoKey: optional,
  isActive: z.boolean(),
  pausedReason: z.enum(["unpaid", "suspended"]).nullable().openapi({
    description: "Set while the studio is paused (its StudioSync invoice unpaid past the grace period, or suspended): its workspace is read-only",
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi("Studio");
export type Studio = z.infer<typeof StudioSchema>;
