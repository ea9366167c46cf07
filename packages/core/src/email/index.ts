export { sendEmail, sesSender, type EmailSender } from "./ses";
export type { RenderedEmail } from "./templates/layout";
export { verifyEmailMessage } from "./templates/verify-email";
export { resetPasswordMessage } from "./templates/reset-password";
export { signupExistingAccountMessage } from "./templates/signup-existing-account";
export { confirmNewEmailMessage, emailChangeRequestedMessage, emailChangeTakenMessage, passwordChangedMessage } from "./templates/account-security";
export { emailBrand, type BrandedStudio, type EmailBrand } from "./brand";
export { frameEmail } from "./frame";
export { shortInstantWords } from "./instant-words";
export { addressOf } from "./mime";
export { accessRequestForAdminsMessage, accessRequestReceivedMessage } from "./templates/access-request-received";
export { accessRequestRejectedMessage } from "./templates/access-request-rejected";
export { closureLessonsCancelledMessage, type ClosedLesson } from "./templates/closure-lessons-cancelled";
export { invitationMessage } from "./templates/invitation";
export { dueWords, invoiceReminderMessage } from "./templates/invoice-reminder";
export { invoiceSentMessage } from "./templates/invoice-sent";
export { type EmailLink } from "./templates/layout";
export { lessonBookedMessage } from "./templates/lesson-booked";
export { lessonCancelledMessage, lessonTimeWords } from "./templates/lesson-cancelled";
export { lessonReminderMessage } from "./templates/lesson-reminder";
export { lessonSeriesMessage, type LessonSeriesEmail } from "./templates/lesson-series";
export { paymentReceiptMessage } from "./templates/payment-receipt";
export { privacyExportMessage } from "./templates/privacy-export";
export { refundIssuedMessage } from "./templates/refund-issued";
export { rescheduleRequestedMessage } from "./templates/reschedule-requested";
export { rescheduleReviewedMessage } from "./templates/reschedule-reviewed";
export { slotOfferMessage } from "./templates/slot-offer";
export { noticeDigestMessage } from "./templates/notice-digest";
export { loanDeclinedMessage, type LoanDeclinedEmail } from "./templates/loan-declined";
export { trialBookedMessage, trialCancelledMessage, type TrialBookedEmail, type TrialCancelledEmail } from "./templates/trial-booked";
export { enquiryReceivedMessage } from "./templates/enquiry-received";
export { leadForStaffMessage, type LeadForStaffEmail } from "./templates/lead-for-staff";
export { loanLentMessage, type LoanLentEmail } from "./templates/loan-lent";
export { leadFollowUpsMessage, type LeadFollowUpsEmail } from "./templates/lead-follow-ups";
export { loanReminderMessage, type LoanReminderEmail } from "./templates/loan-reminder";
export { webhookDisabledMessage, type WebhookDisabledEmail } from "./templates/webhook-disabled";
export { autopayFailedMessage, type AutopayFailedEmail } from "./templates/autopay-failed";
export { platformPausedMessage, platformPaymentFailedMessage, platformReceiptMessage, spendingAlertMessage } from "./templates/platform-billing";
export { newMaterialMessage, type NewMaterialEmail } from "./templates/new-material";
export { threadMessagesMessage, type ThreadMessagesEmail } from "./templates/thread-messages";
export { replyRefusedMessage, type ReplyRefusal } from "./templates/reply-refused";
export { classOfferMessage, type ClassOfferEmail } from "./templates/class-offer";
export { classesLeftMessage, type ClassesLeftEmail } from "./templates/classes-left";
export { classAdmittedMessage, type ClassAdmittedEmail } from "./templates/class-admitted";
export { announcementMessage, type AnnouncementEmail } from "./templates/announcement";
export {
  eventCancelledMessage,
  eventInvitationMessage,
  eventReminderMessage,
  eventRsvpConfirmationMessage,
  type EventEmailFacts,
} from "./templates/studio-event";
export { replyQuestionMessage, type ReplyQuestionEmail } from "./templates/reply-question";
export { studioSuspendedMessage, studioUnsuspendedMessage } from "./templates/studio-suspension";
