export { closuresBetween, closureOn, type ClosureSpan } from "./closures-between";
