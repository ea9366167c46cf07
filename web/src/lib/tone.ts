/** A status colour, fixed across studios (the words carry the meaning; the tone only colours them). */
export type Tone = "neutral" | "success" | "warning" | "danger" | "info";
