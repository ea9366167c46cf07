export { cancelChargeWrite, chargeAccountOf, pendingChargeWrite, type ChargeTx, type NewCharge } from "./charge-writes";
export { CHARGE_LISTINGS, type BillingChargeRecord, type ChargeListing } from "./billing-charge.entity";
