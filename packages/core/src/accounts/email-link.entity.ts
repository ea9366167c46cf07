import { Entity } from "../kernel/db/entity";
import { SERVICE, expiresAt, timestamps } from "../kernel/db/attributes";

export const LINK_PURPOSES = ["verify_email", "reset_password", "invitation", "change_email"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** The single-use state of a signed email link: consuming it sets `usedAt` conditionally. */
export const EmailLinkEntity = new Entity({
  model: { entity: "emailLink", version: "1", service: SERVICE },
  attributes: {
    linkId: { type: "string", required: true, readOnly: true },
    purpose: { type: LINK_PURPOSES, required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    /** The login's sessionEpoch when the link was sent: a password change since then ends the link. */
    credentialEpoch: { type: "number" },
    /** change_email only: the address the login moves to when the link is opened. */
    newEmail: { type: "string", readOnly: true },
    usedAt: { type: "string" },
    expiresAt,
    ...timestamps,
  },
  indexes: {
    link: {
      pk: { field: "pk", composite: ["linkId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
