import { conflict } from "../../kernel/errors";

/** Another admission, withdrawal or lesson change touched the same slot or lessons first: read again and retry. */
export class AdmissionRace extends Error {
  constructor() {
    super("The class slot or its lessons changed concurrently");
  }
}

/** The slot's capacity condition failed: it is full. */
export class SlotFull extends Error {
  constructor() {
    super("The class slot is full");
  }
}

/** The 409 for a full slot, offering its waitlist. */
export const slotFullError = (courseName: string) =>
  conflict(
    "class_slot.full",
    `${courseName} is full: add the student to its waitlist instead (\`waitlist: true\`), and they are offered the next free seat`,
    "slotId",
  );

/**
 * Reruns an admission (or withdrawal) from a fresh read when it lost a race with another on the same
 * slot or lessons (many families at once for the last seats); after many tries a 409.
 */
export async function withAdmissionRetry<T>(attempt: () => Promise<T>, tries = 25): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof AdmissionRace)) throw error;
      if (i >= tries) throw conflict("class_slot.changed", "The class is being changed by someone else; try again");
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 15 * Math.min(i, 8)));
    }
  }
}
