import { z } from "zod";
import { instantField } from "../fields";
import { text } from "../../people";

/** Cancelling from a link: the family may say why (the policy's outcome does not depend on it). */
export const linkCancelSchema = z.object({ reason: text(500).optional() }).strict();
export type LinkCancelInput = z.infer<typeof linkCancelSchema>;

/** Asking to move from a link: one of the offered free slots, and a message for the teacher. */
export const linkMoveSchema = z.object({ start: instantField, message: text(1000).optional() }).strict();
export type LinkMoveInput = z.infer<typeof linkMoveSchema>;

/** Claiming a freed slot: nothing (the slot itself), or — once taken — one of the other free times offered. */
export const linkClaimSchema = z.object({ start: instantField.optional() }).strict();
export type LinkClaimInput = z.infer<typeof linkClaimSchema>;

/** Booking a make-up from a link: one of the offered free slots. */
export const linkBookSchema = z.object({ start: instantField }).strict();
export type LinkBookInput = z.infer<typeof linkBookSchema>;
