/** A feed's subscription address for calendar apps: `webcal://` opens the app, `https://` is pasted into it. */
export const webcalUrl = (url: string) => url.replace(/^https?:\/\//, "webcal://");

export type FeedSubjectType = "teacher" | "student" | "family";

/** The subject picker's value, "teacher:<id>" or "student:<id>", split (null when it is neither). */
export function readSubject(value: string): { subjectType: FeedSubjectType; subjectId: string } | null {
  const match = /^(teacher|student|family):(.+)$/.exec(value);
  return match ? { subjectType: match[1] as FeedSubjectType, subjectId: match[2]! } : null;
}

export const subjectValue = (type: FeedSubjectType, id: string) => `${type}:${id}`;
