/**
 * The kinds of non-essential mail a family may stop, per studio. Essential mail (invoices,
 * receipts, account security, lesson changes) has no type here and cannot be stopped.
 */
export const NOTIFICATION_TYPES = ["reminders", "slot-offers", "calendar-invites", "materials", "messages", "announcements"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** What each type is, in the words the unsubscribe page and the preferences page use. */
export const NOTIFICATION_LABELS: Record<NotificationType, { name: string; description: string }> = {
  reminders: { name: "Lesson reminders", description: "An email the day before each lesson." },
  "slot-offers": { name: "Free lesson slots", description: "An email when a slot opens up that a make-up credit could book." },
  "calendar-invites": { name: "Calendar invitations", description: "Invitations that keep your calendar app up to date with lessons." },
  materials: { name: "New material", description: "A daily email when your teacher shares sheet music, recordings or worksheets." },
  messages: {
    name: "New messages",
    description: "An email a few minutes after someone writes to you in a conversation, with every message you haven't read. You can answer it by email.",
  },
  announcements: { name: "Announcements", description: "News from the studio: recitals, holidays, changes. You can still read them when you sign in." },
};
