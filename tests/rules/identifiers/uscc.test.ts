import {
  isValidOrganizationCode,
  usccCheckCharacter,
  validateRegistrationNumber,
  validateUscc,
} from "../../../src/rules/identifiers/uscc";

// Real codes: the first block appears in python-stdnum's list of codes found online and in
// other libraries' fixtures (company named where the fixture names it); each passes both the
// GB 32100 check and the embedded GB 11714 check.
const REAL: Array<[string, string]> = [
  ["91110108551385082Q", "小米科技有限责任公司 (Xiaomi)"],
  ["91370000728611939A", "山东步长制药股份有限公司"],
  ["531000005000160090", "中国红十字基金会 (a foundation, registered nationally)"],
  ["52410000663412719U", "河南省嵩山少林寺文化院 (a private non-enterprise unit)"],
  ["91110000600037341L", "python-stdnum list"],
  ["121200004013590816", "python-stdnum list (a public institution)"],
  ["9144030071526726XG", "python-stdnum list (organization code ending X)"],
  ["91310115MA1K3BTP2B", "python-stdnum list (newer MA code)"],
  ["92340602MA2PBMEM24", "python-stdnum list (an individual business)"],
  ["91340600MA2PBP2120", "python-stdnum list (check character 0)"],
  ["92340603MA2UK1TD00", "python-stdnum list (check character 0)"],
  ["914403001922038216", "华为技术有限公司 (Huawei), as printed in public filings"],
  ["91330100799655058B", "阿里巴巴（中国）有限公司 (Alibaba China), as printed in public filings"],
];

describe("validateUscc", () => {
  it.each(REAL)("accepts %s (%s)", (code) => {
    const r = validateUscc(code);
    expect(r.code).toBe("valid");
    expect(r.valid).toBe(true);
    expect(r.warning).toBeUndefined();
    expect(r.gsxtUrl).toBe("https://www.gsxt.gov.cn/");
  });

  it.each([
    ["91110108551385082F", "invalid_checksum", "last character changed"],
    ["91110108551385083Q", "invalid_checksum", "one digit changed"],
    ["91110108551358082Q", "invalid_checksum", "two digits swapped"],
    ["19110108551385082Q", "invalid_checksum", "first two swapped"],
    ["91330100799655085B", "invalid_checksum", "two digits swapped"],
    ["9111010855138508IQ", "invalid_format", "contains I"],
    ["9111010855138508OQ", "invalid_format", "contains O"],
    ["911101085513850SZV", "invalid_format", "contains S, Z, V"],
    ["91110108551385082", "invalid_length", "17 characters"],
    ["91110108551385082QQ", "invalid_length", "19 characters"],
    ["", "invalid_format", "empty"],
  ])("rejects %s as %s (%s)", (code, failure) => {
    const r = validateUscc(code);
    expect(r.valid).toBe(false);
    expect(r.code).toBe(failure);
    expect(r.message.length).toBeGreaterThan(0);
    expect(r.messageZh.length).toBeGreaterThan(0);
  });

  it("returns check character 0 when the weighted sum is a multiple of 31 (the outer mod)", () => {
    expect(usccCheckCharacter("91340600MA2PBP212")).toBe("0");
    expect(validateUscc("91340600MA2PBP2120").valid).toBe(true);
  });

  it("accepts lower case, spaces, hyphens and full-width characters", () => {
    for (const written of [
      "91110108551385082q",
      "9111 0108 5513 8508 2Q",
      "911101-08551385082Q",
      "９１１１０１０８５５１３８５０８２Ｑ",
    ]) {
      const r = validateUscc(written);
      expect(r.valid).toBe(true);
      expect(r.compact).toBe("91110108551385082Q");
      expect(r.input).toBe(written);
    }
  });

  it("decodes department, category, division and province", () => {
    const r = validateUscc("91110108551385082Q");
    expect(r.parts).toEqual({
      department: "9",
      departmentName: expect.objectContaining({ zh: "工商（市场监管）" }),
      category: "1",
      categoryName: { en: "enterprise", zh: "企业" },
      division: "110108",
      province: { code: "11", en: "Beijing", zh: "北京市" },
      organizationCode: "551385082",
    });
    expect(validateUscc("92340602MA2PBMEM24").parts?.categoryName.zh).toBe("个体工商户");
    expect(validateUscc("531000005000160090").parts?.categoryName.zh).toBe("基金会");
    expect(validateUscc("9144030071526726XG").parts?.province.zh).toBe("广东省");
  });

  it("accepts an early Fujian pilot code with a warning instead of rejecting it", () => {
    const r = validateUscc("91350211M00013FA1N");
    expect(r.valid).toBe(true);
    expect(r.warning).toBe("fujian_pilot");
    expect(r.parts?.province.en).toBe("Fujian");
    expect(r.message).toContain(
      "check character does not follow GB 32100: confirm on the National Enterprise Credit Information Publicity System",
    );
    expect(r.messageZh).toContain("统一社会信用代码校验位不符合 GB 32100");
    expect(r.messageZh).toContain("请在国家企业信用信息公示系统核实");
  });

  it("does not excuse a failing code outside Fujian that merely starts its organization code with M0", () => {
    expect(validateUscc("91330211M00013FA1N").code).toBe("invalid_checksum");
  });

  it("warns when the check character is right but the embedded organization code fails", () => {
    // A forger's code: organization code 551385081 (wrong inner check), outer check recomputed.
    const first17 = "91110108551385081";
    const r = validateUscc(first17 + usccCheckCharacter(first17));
    expect(r.valid).toBe(true);
    expect(r.warning).toBe("organization_code_checksum");
  });

  it("rejects a department, category or province that does not exist", () => {
    const make = (first17: string) => first17 + usccCheckCharacter(first17);
    expect(validateUscc(make("B1110108551385082")).code).toBe("invalid_component"); // department B
    expect(validateUscc(make("94110108551385082")).code).toBe("invalid_component"); // category 4 under 9
    expect(validateUscc(make("91990108551385082")).code).toBe("invalid_component"); // province 99
    expect(validateUscc(make("9111A108551385082")).code).toBe("invalid_component"); // letter in the division
  });
});

describe("isValidOrganizationCode", () => {
  it.each([
    ["551385082", true],
    ["71526726X", true],
    ["799655058", true],
    ["551385081", false],
    ["71526726Y", false],
  ])("checks the GB 11714 code %s: %s", (code, ok) => {
    expect(isValidOrganizationCode(code)).toBe(ok);
  });
});

describe("validateRegistrationNumber", () => {
  it("accepts a 15-digit registration number whose ISO 7064 MOD 11,10 check holds", () => {
    expect(validateRegistrationNumber("110108000000016").code).toBe("valid");
    expect(validateRegistrationNumber("1101 0800 0000 016").valid).toBe(true);
  });

  it.each([
    ["110108000000017", "invalid_checksum"],
    ["110108000000061", "invalid_checksum"],
    ["11010800000001", "invalid_length"],
    ["11010800000001A", "invalid_format"],
  ])("rejects %s as %s", (code, failure) => {
    const r = validateRegistrationNumber(code);
    expect(r.valid).toBe(false);
    expect(r.code).toBe(failure);
  });
});
