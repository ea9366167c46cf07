/** An attribute value as a DynamoDB Stream record carries it (Lambda events and GetRecords share the shape). */
export interface StreamValue {
  S?: string;
  N?: string;
  BOOL?: boolean;
  NULL?: boolean;
  L?: StreamValue[];
  M?: Record<string, StreamValue>;
  SS?: string[];
  NS?: string[];
}
export type StreamImage = Record<string, StreamValue>;

/** A stream value as plain JSON (numbers as numbers, sets as arrays); binary values are left out. */
export function plainValue(value: StreamValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL) return null;
  if (value.L) return value.L.map(plainValue);
  if (value.M) return plainImage(value.M);
  if (value.SS) return value.SS;
  if (value.NS) return value.NS.map(Number);
  return undefined;
}

/** A stream record's item image as plain JSON. */
export function plainImage(image: StreamImage): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, plainValue(value)]));
}
