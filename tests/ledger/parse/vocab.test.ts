import type { PaymentChannel } from "../../../src/rules/types";
import {
  findTerm,
  parseBadges,
  parseBusinessModel,
  parseFactoryVisit,
  parseOrderStatus,
  parsePaymentChannel,
  parsePaymentStatus,
} from "../../../src/ledger/parse/vocab";

describe("parsePaymentChannel", () => {
  it.each<[string, PaymentChannel]>([
    ["担保交易", "escrow"],
    ["支付宝担保交易", "escrow"],
    ["fxassure", "escrow"],
    ["alipay", "escrow"],
    ["assure", "escrow"],
    ["1688 escrow", "escrow"],
    ["Alipay escrow", "escrow"],
    ["Trade Assurance", "escrow"],
    ["分阶段付款", "staged"],
    ["631staged", "staged"],
    ["37staged", "staged"],
    ["3/7", "staged"],
    ["staged", "staged"],
    ["诚e赊", "credit"],
    ["诚Ｅ赊", "credit"],
    ["creditBuy", "credit"],
    ["账期", "credit"],
    ["period", "credit"],
    ["credit terms", "credit"],
    ["bank", "platform_bank"],
    ["1688银行转账", "platform_bank"],
    ["平台银行转账", "platform_bank"],
    ["微信", "wechat"],
    ["微信转账", "wechat"],
    ["WeChat Pay", "wechat"],
    ["个人支付宝", "personal_alipay"],
    ["personal Alipay", "personal_alipay"],
    ["银行转账", "bank_transfer"],
    ["对公转账", "bank_transfer"],
    ["T/T", "bank_transfer"],
    ["TT", "bank_transfer"],
    ["wire", "bank_transfer"],
    ["bank transfer", "bank_transfer"],
    ["私人账户", "personal_bank"],
    ["个人账户", "personal_bank"],
    ["personal account", "personal_bank"],
    ["西联", "western_union"],
    ["Western Union", "western_union"],
    ["现金", "cash"],
    ["cash", "cash"],
    ["", "unknown"],
    ["-", "unknown"],
    ["PayPal", "unknown"],
    ["settlement", "unknown"],
  ])("reads %j as %s", (text, channel) => {
    expect(parsePaymentChannel(text)).toBe(channel);
  });

  it("reads the account named over the app used: a WeChat transfer to a personal account is personal_bank", () => {
    expect(parsePaymentChannel("WeChat transfer to personal account")).toBe("personal_bank");
  });

  it("reads an escrow order topped up off platform as the off-platform channel", () => {
    expect(parsePaymentChannel("担保交易+微信补款")).toBe("wechat");
  });

  it("reads an empty cell as unknown", () => {
    expect(parsePaymentChannel(null)).toBe("unknown");
    expect(parsePaymentChannel(undefined)).toBe("unknown");
  });
});

describe("parseOrderStatus", () => {
  it.each([
    ["等待买家付款", "awaiting_payment"],
    ["waitbuyerpay", "awaiting_payment"],
    ["等待卖家发货", "awaiting_shipment"],
    ["waitsellersend", "awaiting_shipment"],
    ["等待买家收货", "shipped"],
    ["waitbuyerreceive", "shipped"],
    ["已收货", "received"],
    ["confirm_goods", "received"],
    ["交易成功", "completed"],
    ["success", "completed"],
    ["交易关闭", "closed"],
    ["cancel", "closed"],
    ["Shipped", "shipped"],
    ["Delivered", "received"],
    ["Completed", "completed"],
    ["Cancelled", "closed"],
    ["交易成功（已评价）", "completed"],
  ])("reads %j as %s", (text, status) => {
    expect(parseOrderStatus(text)).toBe(status);
  });

  it.each(["退款中", "", "xyz"])("does not guess a status for %j", (text) => {
    expect(parseOrderStatus(text)).toBeUndefined();
  });
});

describe("parsePaymentStatus", () => {
  it.each([
    ["未支付", "unpaid"],
    ["部分支付", "partial"],
    ["已完成", "paid"],
    ["Paid", "paid"],
    ["partially paid", "partial"],
  ])("reads %j as %s", (text, status) => {
    expect(parsePaymentStatus(text)).toBe(status);
  });
});

describe("parseBadges", () => {
  it.each([
    ["实力商家", ["powerful_merchant"]],
    ["超级工厂", ["super_factory"]],
    ["深度验厂", ["deep_audit"]],
    ["深度认证", ["deep_audit"]],
    ["品牌授权", ["brand_authorization"]],
    ["源头工厂", ["source_factory"]],
    ["认证工厂", ["certified_factory"]],
    ["诚信通4年", ["trustpass"]],
    ["实力商家,超级工厂", ["powerful_merchant", "super_factory"]],
    ["实力商家，深度验厂、品牌授权", ["powerful_merchant", "deep_audit", "brand_authorization"]],
    [
      "实力商家/超级工厂;深度认证|品牌授权",
      ["powerful_merchant", "super_factory", "deep_audit", "brand_authorization"],
    ],
    ["实力商家 超级工厂", ["powerful_merchant", "super_factory"]],
    ["Powerful Merchant, Super Factory", ["powerful_merchant", "super_factory"]],
    ["Deep Factory Audit", ["deep_audit"]],
    ["Verified/Audited factory", ["certified_factory"]],
    ["Brand Authorization", ["brand_authorization"]],
    ["实力商家，实力商家", ["powerful_merchant"]],
    ["无", []],
    ["none", []],
    ["-", []],
    ["", []],
    ["金牌供应商", []],
  ])("reads %j as %j", (text, badges) => {
    expect(parseBadges(text)).toEqual(badges);
  });
});

describe("parseBusinessModel", () => {
  it.each([
    ["生产加工", "manufacturer"],
    ["经销批发", "wholesaler"],
    ["招商代理", "agent"],
    ["商业服务", "service"],
    ["Manufacturer", "manufacturer"],
    ["Trading company", "wholesaler"],
    ["Wholesaler", "wholesaler"],
    ["Agent", "agent"],
    ["生产加工,经销批发", "manufacturer"],
  ])("reads %j as %s", (text, model) => {
    expect(parseBusinessModel(text)).toBe(model);
  });

  it("does not guess a business model for unknown words", () => {
    expect(parseBusinessModel("其他")).toBeUndefined();
  });
});

describe("parseFactoryVisit", () => {
  it.each([
    ["已视频", "done"],
    ["已验厂", "done"],
    ["已拜访", "done"],
    ["video call", "done"],
    ["visited", "done"],
    ["yes", "done"],
    ["是", "done"],
    ["拒绝", "refused"],
    ["拒绝视频", "refused"],
    ["refused", "refused"],
    ["declined video call", "refused"],
    ["否", "none"],
    ["无", "none"],
    ["no", "none"],
    ["未视频", "none"],
    ["not yet", "none"],
  ])("reads %j as %s", (text, visit) => {
    expect(parseFactoryVisit(text)).toBe(visit);
  });

  it.each(["", "-", "maybe"])("does not guess for %j", (text) => {
    expect(parseFactoryVisit(text)).toBeUndefined();
  });
});

describe("findTerm", () => {
  it("matches ASCII words on word boundaries only", () => {
    expect(findTerm("settlement", "tt")).toBe(-1);
    expect(findTerm("by tt today", "tt")).toBe(3);
    expect(findTerm("微信转账", "微信")).toBe(0);
  });
});
