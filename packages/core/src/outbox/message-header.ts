/**
 * The header every outbox email carries naming its message (outbox/deliver-message.ts), so a
 * bounce or complaint SES reports for it (its event lists the mail's headers) finds the message
 * and its studio. Both parts are URI-encoded: the value stays ASCII and splits at the one "/".
 */
export const MESSAGE_HEADER = "X-StudioSync-Message";

export interface MessageRef {
  scope: string;
  messageId: string;
}

export const messageHeaderValue = ({ scope, messageId }: MessageRef) => `${encodeURIComponent(scope)}/${encodeURIComponent(messageId)}`;

/** The message a header value names, or null for anything else. */
export function readMessageHeader(value: string | undefined): MessageRef | null {
  const match = /^([^/\s]+)\/(\S+)$/.exec(value?.trim() ?? "");
  if (!match) return null;
  try {
    return { scope: decodeURIComponent(match[1]!), messageId: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}
