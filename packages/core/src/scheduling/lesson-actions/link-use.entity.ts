import { expiresAt, SERVICE } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

/**
 * A signed lesson link that has acted (cancelled, asked to move, booked a make-up): created with
 * its action's transaction on condition it does not exist, so a link acts once however often it
 * is posted, and a replay is told what it did. TTL removes it after the link's own expiry.
 */
export const LessonLinkUseEntity = new Entity({
  model: { entity: "lessonLinkUse", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    nonce: { type: "string", required: true, readOnly: true },
    action: { type: ["cancel", "move", "makeup", "claim"] as const, required: true, readOnly: true },
    lessonId: { type: "string", required: true, readOnly: true },
    usedAt: { type: "string", required: true, readOnly: true },
    expiresAt,
  },
  indexes: {
    use: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["nonce"] } },
  },
});
