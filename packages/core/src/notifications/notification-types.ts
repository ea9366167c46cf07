/**
 * The kinds of non-essential mail a family may stop, per studio. Essential mail (invoices,
 * receipts, account security, lesson changes) has no type here and cannot be stopped.
 */
export const NOTIFICATION_TYPES = ["reminders", "slot-offers", "calendar-invites", "materials", "messages", "announcements", "events"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * Essential mail, by kind: always emailed as it happens, but each may be kept out of the in-app
 * notification centre.
 */
export const ESSENTIAL_TYPES = ["invoices", "lessons", "admissions"] as const;
export type EssentialType = (typeof ESSENTIAL_TYPES)[number];

/** Every kind of notice a person has preferences for (per studio): the mail they may stop, then the essential. */
export const PREFERENCE_TYPES = [...NOTIFICATION_TYPES, ...ESSENTIAL_TYPES] as const;
export type PreferenceType = (typeof PREFERENCE_TYPES)[number];
/** The kinds that reach the in-app notification centre (calendar invitations are only an email's attachment). */
export type NoticeType = Exclude<PreferenceType, "calendar-invites">;

export const isEssential = (type: PreferenceType): type is EssentialType => (ESSENTIAL_TYPES as readonly string[]).includes(type);
export const hasInApp = (type: PreferenceType): type is NoticeType => type !== "calendar-invites";

/**
 * How a person gets a kind of mail from a studio: each as it happens, gathered in one email a day
 * (the daily digest, at DIGEST_TIME in the studio's zone), or not at all. Essential mail is always
 * `immediate`; calendar invitations cannot be digested.
 */
export const MAIL_CHOICES = ["immediate", "digest", "off"] as const;
export type MailChoice = (typeof MAIL_CHOICES)[number];

/** What each type is, in the words the unsubscribe page and the preferences pages use. */
export const NOTIFICATION_LABELS: Record<PreferenceType, { name: string; description: string }> = {
  reminders: { name: "Lesson reminders", description: "An email the day before each lesson." },
  "slot-offers": { name: "Free lesson slots", description: "An email when a slot opens up that a make-up credit could book." },
  "calendar-invites": { name: "Calendar invitations", description: "Invitations that keep your calendar app up to date with lessons." },
  materials: { name: "New material", description: "A daily email when your teacher shares sheet music, recordings or worksheets." },
  messages: {
    name: "New messages",
    description: "An email a few minutes after someone writes to you in a conversation, with every message you haven't read. You can answer it by email.",
  },
  announcements: { name: "Announcements", description: "News from the studio: recitals, holidays, changes. You can still read them when you sign in." },
  events: { name: "Studio events", description: "Invitations to recitals, concerts and workshops, and a reminder the day before one you said you'd come to." },
  invoices: { name: "Invoices and payments", description: "Invoices, receipts and payment reminders. Always emailed." },
  lessons: { name: "Lesson changes", description: "Lessons booked, moved or cancelled, and answers to your requests to move one. Always emailed." },
  admissions: { name: "Class places", description: "Places in group classes: admissions, waiting lists and offers of a seat. Always emailed." },
};
