import { z } from "zod";
import { recordIdField } from "../people";

/** `GET …/portal`: the whole household's Home, or one child's (`studentId`, a parent's child or the student themself). */
export const portalHomeQuerySchema = z.object({ studentId: recordIdField.optional() }).strict();
export type PortalHomeQuery = z.infer<typeof portalHomeQuerySchema>;
