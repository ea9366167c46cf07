import { config } from "./config";

/**
 * An AWS client built on first use (its SDK imported then, not at cold start) and rebuilt when
 * the configured endpoint changes, as it does between local engines in tests.
 */
export function lazyClient<T>(endpoint: (c: ReturnType<typeof config>) => string | undefined, build: () => Promise<T>) {
  let client: Promise<T> | undefined;
  let builtFor: string | undefined;
  return (): Promise<T> => {
    const current = endpoint(config()) ?? "aws";
    if (!client || builtFor !== current) {
      client = build();
      builtFor = current;
    }
    return client;
  };
}
