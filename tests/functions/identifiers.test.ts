import {
  blacklisted,
  storeUrlOk,
  supplierId,
  trackingCarrier,
  trackingValid,
  usccInfo,
  usccValid,
} from "../../src/functions/identifiers";
import { NotAvailable } from "../../src/functions/safely";
import { InputError } from "../../src/rules/input-error";

describe("identifier functions' argument handling", () => {
  it("reads a tracking number typed as a number in full", () => {
    expect(trackingValid(1234567890, "dhl")).toBe(trackingValid("1234567890", "dhl"));
  });

  it("treats an empty carrier as no carrier", () => {
    expect(trackingValid("1Z999AA10123456784", "")).toBe(true);
  });

  it("rejects an empty number and an unknown carrier with the argument's name", () => {
    expect(() => trackingValid("", null)).toThrow(/number: is empty/);
    expect(() => trackingValid("1Z999AA10123456784", "Acme")).toThrow(/carrier: "Acme"/);
  });

  it("answers #N/A for a number no carrier issues", () => {
    expect(() => trackingCarrier("ZX-000")).toThrow(NotAvailable);
  });

  it("decodes a licence code and explains one that cannot be decoded", () => {
    expect(usccValid(" 9144 0300 7152 6726 XG ")).toBe(true);
    expect(usccInfo("914403001922038216")).toMatch(/Guangdong|广东/);
    expect(() => usccInfo("123")).toThrow(NotAvailable);
  });

  it("asks to confirm a Fujian pilot-form code whose check character does not follow GB 32100", () => {
    expect(usccValid("91350211M00013FA1N")).toBe(true);
    const info = usccInfo("91350211M00013FA1N");
    expect(info).toMatch(/^CHECK \(/);
    expect(info).toContain(
      "check character does not follow GB 32100: confirm on the National Enterprise Credit Information Publicity System",
    );
    expect(info).toContain("统一社会信用代码校验位不符合 GB 32100");
    expect(usccInfo("914403001922038216")).toMatch(/^valid; /);
  });

  it("keeps #VALUE! for text that is no link", () => {
    expect(() => storeUrlOk("just a shop name")).toThrow(InputError);
    expect(storeUrlOk("https://item.taobao.com/item.htm?id=1")).toBe(false);
  });

  it("derives keys from member ids and links", () => {
    expect(supplierId("b2b-2201234567890abcd")).toBe("member:b2b-2201234567890abcd");
    expect(supplierId("https://shop1432227742039.1688.com/")).toBe("shop:shop1432227742039");
  });

  it("matches a member id typed in the supplier argument", () => {
    const list = [["会员ID"], ["b2b-2201234567890abcd"]];
    expect(blacklisted("b2b-2201234567890abcd", list, null, null)).toBe(true);
    expect(blacklisted("x", [[null]], null, null)).toBe(false);
    expect(() => blacklisted("", list, "", "")).toThrow(/supplier/);
  });
});
