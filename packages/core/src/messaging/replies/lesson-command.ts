/** What a reply to a lesson's email asks: an act, a question back, or a message for the studio. */
export type LessonCommand = "cancel" | "confirm" | "ambiguous" | "message";

const CANCEL = /\b(cancel|can'?t make it|cannot make it|can not make it|won'?t make it)\b/;
const CONFIRM = /\b(confirm|confirmed|i'?ll be there|we'?ll be there|see you then)\b/;
/** "Don't cancel", "no need to confirm", "should we cancel?": about the command, not the command. */
const HEDGED = /\b(don'?t|do not|not|no need to|no|if|maybe|whether|should)\b|\?/;
/** A command is a short answer; a longer text that mentions one is asked about. */
const COMMAND_LENGTH = 60;

/**
 * Reads a reply (its quoted history and signature already cut): "cancel" or "can't make it"
 * cancels, "confirm" confirms; a reply that mentions one with a hedge, both, or at length is
 * ambiguous (asked about, nothing done); anything else is a message for the studio.
 */
export function lessonCommandOf(reply: string): LessonCommand {
  const text = reply.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
  const cancel = CANCEL.test(text);
  const confirm = CONFIRM.test(text);
  if (!cancel && !confirm) return "message";
  if ((cancel && confirm) || HEDGED.test(text) || text.length > COMMAND_LENGTH) return "ambiguous";
  return cancel ? "cancel" : "confirm";
}
