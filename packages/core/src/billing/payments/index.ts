export { PAYMENT_METHODS, type PaymentMethod } from "./payment.entity";
export { toPayment, type Payment, type PaymentRecord } from "./payment-view";
export { PaymentSchema } from "./payment-schema";
export { recordPayment, type RecordPaymentInput } from "./record-payment";
export { ExtraWriteRejected, type BillingTxItem } from "./commit-money";
export { recordManualPayment } from "./record-manual-payment";
export { refundPayment } from "./refund-payment";
export { listPayments } from "./list-payments";
export { getPayment } from "./get-payment";
export { balanceWords, METHOD_WORDS } from "./payment-emails";
export {
  listPaymentsQuerySchema,
  positiveAmountField,
  recordPaymentSchema,
  refundPaymentSchema,
  type ListPaymentsQuery,
  type RecordPaymentRequest,
  type RefundPaymentRequest,
} from "./schemas";
