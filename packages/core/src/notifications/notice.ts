import type { OutboxNotice } from "../outbox";
import type { NoticeType } from "./notification-types";

/**
 * What a sender puts on an email for the recipient's notification centre (the outbox carries it,
 * record-notices.ts files it): the type and subject de-duplicate it per local day in the studio's
 * zone; its title is the email's subject unless given.
 */
export const notice = (
  studio: { name: string; timeZone: string },
  type: NoticeType,
  subject: string,
  more: { title?: string; text?: string; link?: string } = {},
): OutboxNotice => ({ type, subject, ...more, studioName: studio.name, zone: studio.timeZone });

const pathOf = (root: string, segments: string[]) => `/${root}/studios/${segments.map(encodeURIComponent).join("/")}`;

/** A page of the studio's portal (families and students), as the centre links it: `portalPath(studioId, "lessons", lessonId)`. */
export const portalPath = (...segments: [studioId: string, ...path: string[]]) => pathOf("portal", segments);

/** A page of the studio's workspace (staff). */
export const workspacePath = (...segments: [studioId: string, ...path: string[]]) => pathOf("dashboard", segments);
