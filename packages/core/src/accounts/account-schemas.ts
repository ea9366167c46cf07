import { z } from "zod";
import { phoneField } from "../people";
import { emailSchema, newPasswordSchema } from "./schemas";

/** A person's name on their account (the same rule as sign-up). */
const accountName = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");
const currentPassword = z.string().min(1, "is required").max(200, "must be at most 200 characters");

/** Name and phone; a phone of null (or "") removes it. */
export const updateProfileSchema = z
  .object({ name: accountName.optional(), phone: phoneField.nullable().optional() })
  .refine((v) => v.name !== undefined || v.phone !== undefined, { message: "give a name or a phone", path: ["name"] });
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const changePasswordSchema = z.object({ currentPassword, newPassword: newPasswordSchema });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword });
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const sessionIdSchema = z.string().uuid("must be a sign-in id");
