import { z } from "@hono/zod-openapi";
import { MemberSchema } from "@studiosync/core/members";

export { MemberSchema };

const nullable = z.string().nullable();

export const MemberPageSchema = z.object({ items: z.array(MemberSchema), nextCursor: nullable }).openapi("MemberPage");
