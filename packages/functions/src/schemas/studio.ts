import { z } from "@hono/zod-openapi";

const optional = z.string().nullable();

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

export const StudioSchema = PublicStudioSchema.extend({
  id: z.string(),
  currency: z.string().openapi({ example: "GBP" }),
  logoKey: optional,
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi("Studio");

export const LogoUploadSchema = z
  .object({
    uploadUrl: z.string(),
    key: z.string(),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .openapi("LogoUpload");
