import type { EntityItem } from "electrodb";
import { LISTINGS, SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Where a lead came from (seed 004: leads from bookings, enquiries, imports and staff entry). */
export const LEAD_SOURCES = ["booking", "enquiry", "import", "staff", "walk_in"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * A prospective student (seed 004: leads): who they are (the student's name, age, instrument and
 * level), who to contact (a parent, or the student), where they came from, where they stand in the
 * studio's funnel (`stage`, one of the studio's lead stages), and the CRM's working fields (owner,
 * assigned teacher, tags, contact attempts, follow-up, walk-in and trial dates). Converting it makes
 * a family and a student (`familyId`, `studentId`); merging a duplicate into another marks it
 * `mergedInto` and moves it out of the lists.
 *
 * Indexes: the studio's leads newest first is the primary key (leadId is UUIDv7); the board by stage
 * (gsi1, listed leads only), and duplicate detection by contact phone (gsi2) and email (gsi3).
 */
export const LeadEntity = new Entity({
  model: { entity: "lead", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    leadId: { type: "string", required: true, readOnly: true },
    source: { type: LEAD_SOURCES, required: true, readOnly: true },
    /** A key of the studio's lead stages (LeadStages); see DEFAULT_LEAD_STAGES. */
    stage: { type: "string", required: true },
    stageChangedAt: { type: "string", required: true },
    /** Every stage the lead entered, oldest first (the funnel's time in stage). */
    stageHistory: {
      type: "list",
      required: true,
      items: { type: "map", properties: { stage: { type: "string", required: true }, at: { type: "string", required: true } } },
    },
    lostReason: { type: "string" },
    studentFirstName: { type: "string", required: true },
    studentLastName: { type: "string", required: true },
    studentAge: { type: "number" },
    instrument: { type: "string" },
    level: { type: "string" },
    /** The person to contact: a parent or guardian, or the student themself. */
    contactName: { type: "string", required: true },
    contactEmail: { type: "string" },
    contactPhone: { type: "string" },
    /** Digits of the phone number, or "~" when there is none (the duplicate index's key). */
    phoneKey: { type: "string", required: true, default: "~" },
    /** When they are free, in their words. */
    availability: { type: "string" },
    /** What they wrote with an enquiry or a booking. */
    message: { type: "string" },
    /** The staff member (user id) who follows the lead up, and the teacher it is meant for. */
    ownerId: { type: "string" },
    assignedTeacherId: { type: "string" },
    tags: { type: "list", items: { type: "string" } },
    contactAttempts: { type: "number", required: true, default: 0 },
    lastContactedAt: { type: "string" },
    /** Local dates (studio time zone). */
    nextFollowUpOn: { type: "string" },
    walkInOn: { type: "string" },
    /** The trial lesson booked from the public page (or by staff). */
    trialBookingId: { type: "string" },
    trialStart: { type: "string" },
    trialTeacherId: { type: "string" },
    /** Set by conversion. */
    convertedAt: { type: "string" },
    familyId: { type: "string" },
    studentId: { type: "string" },
    /** Set when this lead was merged into another (it leaves the lists). */
    mergedInto: { type: "string" },
    /** The leads merged into this one (their notes and tasks are this lead's now). */
    mergedFrom: { type: "list", items: { type: "string" } },
    /** Staff notes and contact attempts, oldest first (bounded: MAX_LEAD_NOTES). */
    notes: {
      type: "list",
      items: {
        type: "map",
        properties: {
          noteId: { type: "string", required: true },
          kind: { type: ["note", "contact"] as const, required: true },
          body: { type: "string", required: true },
          by: { type: "string", required: true },
          at: { type: "string", required: true },
        },
      },
    },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    /** "deleted" (deleted, or merged into another lead) moves a lead out of the list indexes. */
    listing: { type: LISTINGS, required: true, default: "listed" },
    /** Lower-cased "first last" of the student, as people records keep it (person-fields' searchKeys). */
    nameKey: { type: "string", required: true },
    /** Lower-cased contact email, or "~" when there is none (the duplicate index's key). */
    emailKey: { type: "string", required: true, default: "~" },
    importHash: { type: "string" },
    ...timestamps,
  },
  indexes: {
    lead: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["leadId"] } },
    leadsByStage: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["stage", "leadId"] },
    },
    leadsByPhone: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi2sk", composite: ["phoneKey", "leadId"] },
    },
    leadsByEmail: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi3sk", composite: ["emailKey", "leadId"] },
    },
  },
});

/** A stored Lead, as reads return it. */
export type LeadRecord = EntityItem<typeof LeadEntity>;
