export { accountCardWords, type AccountCardRecord } from "./account-card.entity";
export { startCardSave, completeCardSave, removeSavedCard, type AutopayCard } from "./save-card";
export { chargeAutopay, type AutopayOutcome } from "./charge-autopay";
export { runAutopay } from "./run-autopay";
