import { certsMissing, resolveCategories, resolveMarkets } from "../../src/rules/certs";

describe("resolveCategories", () => {
  it.each([
    ["Electronics", ["electronics"]],
    ["电子产品", ["electronics"]],
    ["消费电子", ["electronics"]],
    ["儿童玩具", ["toys"]],
    ["Toys", ["toys"]],
    ["纺织品/服装", ["textiles"]],
    ["Children's clothing", ["textiles"]],
    ["化妆品", ["cosmetics"]],
    ["食品接触材料", ["food_contact"]],
    ["Food contact", ["food_contact"]],
    ["锂电池", ["batteries"]],
    ["Medical devices", ["medical_devices"]],
    ["医疗器械", ["medical_devices"]],
    ["Electronic toys", ["electronics", "toys"]],
  ])("reads %p as %j", (text, ids) => {
    expect(resolveCategories(text)).toEqual(ids);
  });

  it.each(["", "furniture", "家具", "electro", "toyota"])("recognises nothing in %p", (text) => {
    expect(resolveCategories(text)).toEqual([]);
  });
});

describe("resolveMarkets", () => {
  it.each([
    ["EU", ["EU"]],
    ["欧盟", ["EU"]],
    ["Europe", ["EU"]],
    ["DE", ["EU"]],
    ["amazon.de", ["EU"]],
    ["法国站", ["EU"]],
    ["US", ["US"]],
    ["USA", ["US"]],
    ["美国", ["US"]],
    ["Amazon US", ["US"]],
    ["amazon.com", ["US"]],
    ["ＵＳＡ", ["US"]],
    ["UK", ["UK"]],
    ["amazon.co.uk", ["UK"]],
    ["英国", ["UK"]],
    ["CN", ["CN"]],
    ["中国大陆", ["CN"]],
    ["欧盟/英国", ["EU", "UK"]],
  ])("reads %p as %j", (text, ids) => {
    expect(resolveMarkets(text)).toEqual(ids);
  });

  it.each(["", "Japan", "日本", "Mars", "USB"])("recognises nothing in %p", (text) => {
    expect(resolveMarkets(text)).toEqual([]);
  });
});

describe("certsMissing", () => {
  it("lists what electronics need in the EU and finds nothing missing in a full set", () => {
    expect(certsMissing("electronics", "EU", "CE, RoHS, WEEE")).toEqual({
      known: true,
      required: ["CE", "RoHS", "WEEE"],
      missing: [],
      unknown: [],
    });
  });

  it("names the missing FCC for electronics sold on Amazon US", () => {
    expect(certsMissing("电子产品", "Amazon US", "CE")).toEqual({
      known: true,
      required: ["FCC"],
      missing: ["FCC"],
      unknown: [],
    });
  });

  it.each([
    ["CE, RoHS", ["WEEE"]],
    ["CE/RoHS/WEEE", []],
    ["ＣＥ、ＲＯＨＳ", ["WEEE"]],
    ["ce，rohs；weee", []],
    ["CE认证 RoHS报告", ["WEEE"]],
    ["CE-RED | RoHS + WEEE", []],
    ["rohs", ["CE", "WEEE"]],
    ["", ["CE", "RoHS", "WEEE"]],
    ["无", ["CE", "RoHS", "WEEE"]],
    ["CEC, ROHS2", ["CE", "WEEE"]], // CEC is not CE; RoHS 2 is RoHS
    ["UKCA, FCC", ["CE", "RoHS", "WEEE"]],
  ])("reads the certs text %p for electronics in the EU: missing %j", (certs, missing) => {
    expect(certsMissing("Electronics", "EU", certs).missing).toEqual(missing);
  });

  it.each([
    ["toys", "EU", "EN71", []],
    ["toys", "EU", "CE", []],
    ["玩具", "美国", "ASTM F963-17, CPC", []],
    ["玩具", "美国", "CPC", ["ASTM F963"]],
    ["toys", "UK", "CE", []],
    ["toys", "CN", "3C", []],
    ["toys", "CN", "CE", ["CCC"]],
    ["electronics", "UK", "UKCA RoHS WEEE", []],
    ["electronics", "CN", "CCC", []],
    ["服装", "US", "水洗标", ["CPSIA (children's products)"]],
    ["textiles", "EU", "REACH", []],
    ["textiles", "CN", "GB18401", []],
    ["化妆品", "EU", "CPNP", ["CPSR"]],
    ["cosmetics", "US", "FDA MoCRA registration", []],
    ["食品接触", "EU", "EC 1935/2004", []],
    ["food contact", "Germany", "LFGB", []],
    ["food contact", "US", "FDA", []],
    ["food contact", "CN", "GB 4806.1-2016", []],
    ["batteries", "US", "UN 38.3, SDS", []],
    ["电池", "美国", "UN38.3", ["MSDS"]],
    ["medical devices", "US", "510(k)", []],
    ["医疗器械", "欧盟", "", ["CE (MDR 2017/745)"]],
  ])("for %p in %p with %p misses %j", (category, market, certs, missing) => {
    const result = certsMissing(category, market, certs);
    expect(result.known).toBe(true);
    expect(result.missing).toEqual(missing);
  });

  it("requires what every named category needs in every named market", () => {
    const result = certsMissing("Electronic toys", "EU, US", "CE, FCC");
    expect(result.required).toEqual(["CE", "RoHS", "WEEE", "FCC", "CE (EN 71)", "ASTM F963", "CPC"]);
    expect(result.missing).toEqual(["RoHS", "WEEE", "ASTM F963", "CPC"]);
  });

  it("marks an unknown category as not known, with a message in both languages", () => {
    expect(certsMissing("furniture", "EU", "CE")).toEqual({
      known: false,
      required: [],
      missing: [],
      unknown: ["category"],
      message: 'category "furniture" is not in the certificate table',
      messageZh: "证书表中没有品类“furniture”",
    });
  });

  it("marks an unknown market as not known", () => {
    const result = certsMissing("electronics", "Japan", "PSE");
    expect(result.known).toBe(false);
    expect(result.unknown).toEqual(["market"]);
    expect(result.message).toMatch(/market "Japan"/);
  });

  it("reports both when neither is known", () => {
    const result = certsMissing("", "", "CE");
    expect(result.known).toBe(false);
    expect(result.unknown).toEqual(["category", "market"]);
  });
});
