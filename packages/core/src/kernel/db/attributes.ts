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
