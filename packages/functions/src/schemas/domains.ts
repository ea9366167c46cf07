import { z } from "@hono/zod-openapi";

/** A studio's own domain (core/domains): pending until its TXT record is found, then served. */
export const StudioDomainSchema = z
  .object({
    hostname: z.string().openapi({ description: "Lower case; an internationalized name in punycode", example: "www.riverside-music.com" }),
    status: z.enum(["pending", "verified"]),
    verification: z
      .object({
        type: z.literal("TXT"),
        name: z.string().openapi({ example: "_studiosync-verify.www.riverside-music.com" }),
        value: z.string().openapi({ example: "studiosync-verify=3q2-7wEAAAAAAAAAAAAAAA" }),
      })
      .openapi({ description: "The DNS record to publish: a TXT record with this name and value" }),
    createdAt: z.string(),
    verifiedAt: z.string().nullable(),
    lastCheckedAt: z.string().nullable(),
    lastError: z.string().nullable().openapi({ description: "What the last check found wrong" }),
    expiresAt: z.string().nullable().openapi({ description: "A pending domain lapses then unless verified (and may then be added by another studio)" }),
  })
  .openapi("StudioDomain");

export const StudioDomainListSchema = z
  .object({
    items: z.array(StudioDomainSchema),
    platformHost: z.string().nullable().openapi({
      description: "The studio's free address under the platform's domain (null when the platform has none)",
      example: "riverside-music.studiosync.app",
    }),
    maxDomains: z.number().int(),
  })
  .openapi("StudioDomainList");

export const StudioHostSchema = z
  .object({
    hostname: z.string(),
    slug: z.string().openapi({ description: "The studio's current address: its public pages are `/{slug}`" }),
    kind: z.enum(["subdomain", "custom"]),
  })
  .openapi("StudioHost");
