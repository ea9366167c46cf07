import type { Tone } from "./tone";

/** A lead's page and the leads pages, under the workspace base. */
export const leadsHref = (base: string, rest = "") => `${base}/leads${rest}`;
export const leadHref = (base: string, leadId: string, rest = "") => leadsHref(base, `/${encodeURIComponent(leadId)}${rest}`);

export const SOURCE_WORDS: Record<string, string> = {
  booking: "Trial booking",
  enquiry: "Enquiry",
  import: "Import",
  staff: "Staff",
  walk_in: "Walk-in",
};

export const OUTCOME_TONE: Record<string, Tone> = { open: "info", won: "success", lost: "neutral" };

export interface StageWords {
  key: string;
  name: string;
  outcome: "open" | "won" | "lost";
}

/** A stage's name among the studio's stages (its key when the stage was removed). */
export const stageName = (stages: readonly StageWords[], key: string) => stages.find((s) => s.key === key)?.name ?? key;
export const stageTone = (stages: readonly StageWords[], key: string): Tone => OUTCOME_TONE[stages.find((s) => s.key === key)?.outcome ?? "open"] ?? "info";

/** The fields of the lead form, as typed. */
export const LEAD_FIELDS = [
  "studentFirstName",
  "studentLastName",
  "studentAge",
  "instrument",
  "level",
  "contactName",
  "contactEmail",
  "contactPhone",
  "availability",
  "message",
  "tags",
  "walkInOn",
  "nextFollowUpOn",
] as const;
export type LeadValues = Record<(typeof LEAD_FIELDS)[number] | "source", string>;

export const LEAD_LABELS: Record<string, string> = {
  studentFirstName: "Student's first name",
  studentLastName: "Student's last name",
  studentAge: "Age",
  instrument: "Instrument",
  level: "Level",
  contactName: "Contact (parent, or the student)",
  contactEmail: "Contact email",
  contactPhone: "Contact phone",
  availability: "Availability",
  message: "Message",
  tags: "Tags",
  walkInOn: "Walk-in date",
  nextFollowUpOn: "Next follow-up",
  source: "Source",
  stage: "Stage",
  lostReason: "Reason",
  ownerId: "Owner",
  assignedTeacherId: "Assigned teacher",
};

/** The typed values of a lead form. */
export function leadValuesFrom(form: FormData): LeadValues {
  const get = (name: string) => String(form.get(name) ?? "").trim();
  return Object.fromEntries([...LEAD_FIELDS, "source"].map((name) => [name, get(name)])) as LeadValues;
}

/** A lead form's values as an API body: blanks are left out on create and cleared (null) on edit. */
export function leadBody(values: LeadValues, mode: "create" | "update") {
  const blank = mode === "create" ? undefined : null;
  const text = (v: string) => (v ? v : blank);
  const body: Record<string, unknown> = {
    studentFirstName: values.studentFirstName,
    studentLastName: values.studentLastName,
    contactName: values.contactName || `${values.studentFirstName} ${values.studentLastName}`.trim(),
    studentAge: values.studentAge ? Number(values.studentAge) : blank,
    instrument: text(values.instrument),
    level: text(values.level),
    contactEmail: text(values.contactEmail),
    contactPhone: text(values.contactPhone),
    availability: text(values.availability),
    message: text(values.message),
    walkInOn: text(values.walkInOn),
    nextFollowUpOn: text(values.nextFollowUpOn),
    tags: values.tags
      ? values.tags
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean)
      : [],
  };
  if (mode === "create" && (values.source === "staff" || values.source === "walk_in")) body.source = values.source;
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
