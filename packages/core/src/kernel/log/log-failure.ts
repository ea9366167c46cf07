/** A failure that must not fail the request (the user can retry it), written to the log. */
export function logFailure(what: string, error: unknown): void {
  console.error(JSON.stringify({ level: "error", message: `${what} failed`, error: String(error) }));
}
