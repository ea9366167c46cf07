export { requestLoan } from "./request-loan";
export { approveLoan } from "./approve-loan";
export { closeRequest } from "./close-request";
export { returnLoan } from "./return-loan";
export { getLoan } from "./get-loan";
export { listLoans } from "./list-loans";
export { portalLoanUrl } from "./loan-emails";
export * from "./schemas";
export { LoanSchema, type Loan } from "./loan-schema";
