/** Growth (issue 15): the public page's offerings, trial bookings and enquiries, and the booking settings behind them. */
export { BookingSettingsEntity, type BookingSettingsRecord } from "./booking-settings.entity";
export { getBookingSettings, setBookingSettings } from "./settings/booking-settings";
export { bookingSettingsSchema, type BookingSettingsInput } from "./settings/schemas";
export { DEFAULT_BOOKING_SETTINGS, type BookingSettings } from "./settings/defaults";
export { publicOfferings, publicTeacherPage } from "./offerings/public-offerings";
export * from "./offerings/offerings-schema";
export { bookTrial, type BookedTrial } from "./trials/book-trial";
export { cancelTrialBooking, getTrialBooking, type TrialBookingView } from "./trials/manage-trial";
export { bookTrialSchema, enquirySchema, teacherPageQuerySchema, type BookTrialInput, type EnquiryInput } from "./trials/schemas";
export { PUBLIC_FORM_LIMITS } from "./trials/public-limits";
export { TRIAL_SEARCH_DAYS } from "./trials/trial-window";
export { submitEnquiry } from "./enquiries/submit-enquiry";
export { growthDb, growthEntities, type GrowthTx } from "./growth-db";
