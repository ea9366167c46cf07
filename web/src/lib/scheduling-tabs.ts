/** The Scheduling section's pages (owners and admins), each under `<base>/scheduling`. */
export type SchedulingTab = "hours" | "closures" | "policy" | "patterns" | "makeups" | "rooms";

export const SCHEDULING_PAGES: readonly { tab: SchedulingTab; label: string; path: string; about: string }[] = [
  { tab: "hours", label: "Working hours", path: "/hours", about: "When each teacher teaches, and the break they need between lessons." },
  { tab: "closures", label: "Closures", path: "/closures", about: "Holidays and days the studio is closed; their lessons are cancelled and families told." },
  {
    tab: "policy",
    label: "Cancellation policy",
    path: "/policy",
    about: "When a cancellation earns a make-up credit, how long credits last, and when reminders go out.",
  },
  { tab: "patterns", label: "Recurring lessons", path: "/patterns", about: "Weekly, fortnightly and monthly lessons: change them from a date, or end them." },
  { tab: "makeups", label: "Make-up credits", path: "/makeups", about: "A student's credits from cancelled lessons, and booking a make-up into a free slot." },
  { tab: "rooms", label: "Rooms", path: "/rooms", about: "Teaching and practice rooms: their hours, rates and equipment, and reserving them." },
];

export const schedulingTabs = (base: string, current: SchedulingTab) =>
  SCHEDULING_PAGES.map((p) => ({ href: `${base}/scheduling${p.path}`, label: p.label, current: p.tab === current }));
