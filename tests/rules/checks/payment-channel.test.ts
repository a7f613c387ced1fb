import { isOnPlatform, paymentChannel } from "../../../src/rules/checks/payment-channel";
import type { PaymentChannel } from "../../../src/rules/types";
import { order, run } from "./helpers";

describe("payment-channel", () => {
  it.each<[PaymentChannel, string]>([
    ["wechat", "wechat_transfer"],
    ["personal_alipay", "personal_alipay"],
    ["bank_transfer", "bank_transfer"],
    ["personal_bank", "personal_account"],
    ["western_union", "western_union"],
    ["cash", "cash"],
  ])("gives 30 points to %s", (payment, code) => {
    expect(run(paymentChannel, order({ payment }))).toEqual([
      { rule: "payment-channel", code, points: 30, facts: {} },
    ]);
  });

  it.each<PaymentChannel>(["escrow", "staged", "credit", "platform_bank"])(
    "is silent for on-platform %s",
    (payment) => {
      expect(isOnPlatform(payment)).toBe(true);
      expect(run(paymentChannel, order({ payment }))).toEqual([]);
    },
  );

  it("gives 5 points when the method is not recorded, quoting the cell", () => {
    expect(run(paymentChannel, order({ payment: "unknown", paymentText: "老规矩" }))).toEqual([
      { rule: "payment-channel", code: "payment_unknown", points: 5, facts: { method: "老规矩" } },
    ]);
  });
});
