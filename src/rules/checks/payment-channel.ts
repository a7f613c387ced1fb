import type { PaymentChannel } from "../types";
import type { Check } from "./check";
import { reason } from "./check";

const PRIVATE: Partial<Record<PaymentChannel, string>> = {
  wechat: "wechat_transfer",
  personal_alipay: "personal_alipay",
  bank_transfer: "bank_transfer",
  personal_bank: "personal_account",
  western_union: "western_union",
  cash: "cash",
};

/** Whether a channel keeps the money under 1688's protection or terms. */
export function isOnPlatform(channel: PaymentChannel): boolean {
  return channel === "escrow" || channel === "staged" || channel === "credit" || channel === "platform_bank";
}

/**
 * Off-platform and private channels (WeChat, personal accounts, bank wires,
 * Western Union) have no escrow: 30 points; an unrecorded channel 5.
 * @example paymentChannel.run({ ...order, payment: "wechat" }, ctx) // 30 points, code "wechat_transfer"
 */
export const paymentChannel: Check = {
  id: "payment-channel",
  run(order, ctx) {
    const { privatePoints, unknownPoints } = ctx.settings.paymentChannel;
    const code = PRIVATE[order.payment] ?? (order.payment === "unknown" ? "payment_unknown" : undefined);
    if (code === undefined) return undefined;
    const facts = order.paymentText ? { method: order.paymentText } : {};
    return reason("payment-channel", code, code === "payment_unknown" ? unknownPoints : privatePoints, facts);
  },
};
