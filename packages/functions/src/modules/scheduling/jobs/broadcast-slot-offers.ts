import "../../../bound-env";
import * as Scheduling from "@studiosync/core/scheduling";

/** EventBridge rate (see schedule.ts) → emails each freed lesson slot to the families holding a make-up credit with its teacher; safe to run twice. */
export const handler = async () => {
  const summary = await Scheduling.broadcastSlotOffers({ now: new Date() });
  console.log(JSON.stringify({ job: "BroadcastSlotOffers", ...summary }));
  return summary;
};
