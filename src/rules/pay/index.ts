export { payVerdict, restOfOrder, type PayOptions } from "./verdict";
export { explainPay, payWord, summarizePay, PAY_EXPLAINED_CODES } from "./explain";
export {
  PAY_RULE_IDS,
  type PayAction,
  type PayFacts,
  type PayFinding,
  type PayRuleId,
  type PayVerdict,
} from "./types";
