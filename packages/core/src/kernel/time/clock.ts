/**
 * Where "now" comes from for code that is handed one: the real clock in production, a set one in
 * tests (a rate-limit window, a billing or dunning date) so they never wait for the wall clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that always reads `at`. */
export const fixedClock = (at: Date | string | number): Clock => {
  const instant = new Date(at).getTime();
  return () => new Date(instant);
};
