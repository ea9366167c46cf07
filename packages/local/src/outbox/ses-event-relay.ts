import { randomUUID } from "node:crypto";
import { sesEventsHandler, type SnsEvent } from "@studiosync/functions/job-handlers";
import { onSesEvent } from "../engines/ses-local";

export interface SesEventRelay {
  /** Stops relaying and waits for the events in hand; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * What the SNS subscription does on AWS (stacks/ses-events-function.ts), for SES local: each
 * bounce or complaint event of the mailbox simulator (engines/ses-simulator.ts) reaches the SES
 * events Lambda's own handler as an SNS record, in this process (where SES local runs).
 */
export function startSesEventRelay(options: { handler?: (event: SnsEvent) => Promise<unknown>; log?: (line: string) => void } = {}): SesEventRelay {
  const handler = options.handler ?? sesEventsHandler;
  const log = options.log ?? ((line: string) => console.log(line));
  const inFlight = new Set<Promise<void>>();
  const remove = onSesEvent((event) => {
    const relayed = handler({ Records: [{ Sns: { MessageId: randomUUID(), Message: JSON.stringify(event) } }] }).then(
      () => undefined,
      (error: Error) => log(`[ses] bounce and complaint handler failed: ${error.message}`),
    );
    const tracked = relayed.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  });
  return {
    stop: async () => {
      remove();
      await Promise.allSettled([...inFlight]);
    },
  };
}
