import type { CoreModule } from "../kernel/core-module";
import { EventRsvpEntity, StudioEventEntity } from "./event.entity";

export * from "./event.entity";

/** The events module's declaration: studio events (recitals, concerts, workshops, holidays) and their RSVPs. */
export const eventsModule = {
  name: "events",
  entities: {
    studioEvent: StudioEventEntity,
    eventRsvp: EventRsvpEntity,
  },
} as const satisfies CoreModule;
