import { z } from "zod";
import { readHostname } from "./hostname";

/** A domain to attach: typed as a person would (`Bücher.Example.com.`), kept normalized (hostname.ts). */
export const addDomainSchema = z
  .object({
    hostname: z
      .string({ required_error: "is required", invalid_type_error: "must be a string" })
      .max(300, "must be at most 300 characters")
      .transform((value, ctx) => {
        const reading = readHostname(value);
        if ("error" in reading) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: reading.error });
          return z.NEVER;
        }
        return reading.hostname;
      }),
  })
  .strict();
export type AddDomainInput = z.infer<typeof addDomainSchema>;
