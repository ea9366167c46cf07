/** Attribute definitions shared by every entity: audit timestamps and the TTL attribute. */
export const timestamps = {
  createdAt: {
    type: "string",
    readOnly: true,
    required: true,
    default: () => new Date().toISOString(),
  },
  updatedAt: {
    type: "string",
    required: true,
    watch: "*",
    default: () => new Date().toISOString(),
    set: () => new Date().toISOString(),
  },
} as const;

/** Epoch seconds; DynamoDB deletes the item some time after this (not at all locally — filter on it). */
export const expiresAt = { type: "number" } as const;

export const SERVICE = "studiosync";

/** Whether a listed record (a person, a goal, a plan, a log) shows in lists or was deleted (kept for history). */
export const LISTINGS = ["listed", "deleted"] as const;
export type Listing = (typeof LISTINGS)[number];
