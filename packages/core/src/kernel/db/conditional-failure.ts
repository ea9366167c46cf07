/** A write refused by its condition (ConditionalCheckFailed), as the DocumentClient or ElectroDB (its cause) reports it. */
export function isConditionalFailure(error: unknown): boolean {
  const e = error as { name?: string; cause?: { name?: string } } | undefined;
  return e?.name === "ConditionalCheckFailedException" || e?.cause?.name === "ConditionalCheckFailedException";
}
