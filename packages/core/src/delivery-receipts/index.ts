/** Delivery receipts of tracked mailings: the header that names one, and the forward-only moves of its state. */
export { markReceipt, RECEIPT_HEADER, readReceiptHeader, receiptHeaderValue, type ReceiptEvent } from "./receipts";
export { RECEIPT_STATUSES, type DeliveryReceiptRecord, type ReceiptRef, type ReceiptStatus } from "./delivery-receipt.entity";
