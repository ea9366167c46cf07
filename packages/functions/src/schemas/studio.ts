import { z } from "@hono/zod-openapi";
import { PublicStudioSchema, StudioSchema } from "@studiosync/core/studios";

export { PublicStudioSchema, StudioSchema };

export const LogoUploadSchema = z
  .object({
    uploadUrl: z.string(),
    key: z.string(),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .openapi("LogoUpload");
