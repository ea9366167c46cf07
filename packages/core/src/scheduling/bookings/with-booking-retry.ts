/** Thrown when a day schedule changed between planning and committing (another booking won the race). */
export class BookingRace extends Error {
  constructor() {
    super("A concurrent booking changed the schedule");
    this.name = "BookingRace";
  }
}

/**
 * Runs a booking use case, and again (up to 4 times in all) when it lost a race for a day
 * schedule: the rerun reads the winner's booking and answers with the real 409 naming it.
 */
export async function withBookingRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof BookingRace) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
