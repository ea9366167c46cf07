/** How a stage counts in the funnel: still open, won (enrolled) or lost. */
export const STAGE_OUTCOMES = ["open", "won", "lost"] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];

export interface LeadStage {
  /** Stable key stored on leads ("trial_booked"). */
  key: string;
  name: string;
  outcome: StageOutcome;
}

/** The stages a studio starts with (issue 15: new → contacted → trial booked → trial done → enrolled / lost). */
export const DEFAULT_LEAD_STAGES: readonly LeadStage[] = [
  { key: "new", name: "New", outcome: "open" },
  { key: "contacted", name: "Contacted", outcome: "open" },
  { key: "trial_booked", name: "Trial booked", outcome: "open" },
  { key: "trial_done", name: "Trial done", outcome: "open" },
  { key: "enrolled", name: "Enrolled", outcome: "won" },
  { key: "lost", name: "Lost", outcome: "lost" },
];

/** The stage a lead enters when it books a trial, and a new lead's. */
export const TRIAL_BOOKED_STAGE = "trial_booked";
export const NEW_STAGE = "new";
