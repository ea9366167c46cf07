import { z } from "zod";
import { ROLES } from "../accounts/module";
import { pageQuerySchema } from "../kernel/pagination/pagination";

export const listMembersQuerySchema = pageQuerySchema;
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;

export const updateMemberSchema = z.object({ role: z.enum(ROLES) }).strict();
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;
