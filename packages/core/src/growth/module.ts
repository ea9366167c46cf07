import type { CoreModule } from "../kernel/core-module";
import { BookingSettingsEntity } from "./booking-settings.entity";

export * from "./booking-settings.entity";

/** The growth module's declaration: the public page's booking settings (trial bookings and enquiries write leads and lessons). */
export const growthModule = {
  name: "growth",
  entities: { bookingSettings: BookingSettingsEntity },
} as const satisfies CoreModule;
