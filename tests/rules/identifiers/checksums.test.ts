import {
  isValidDhl,
  isValidFedexExpress,
  isValidMod10Weighted31,
  isValidS10,
  isValidUps,
  isValidUpsWaybill,
  s10CheckDigit,
} from "../../../src/rules/identifiers/checksums";
import { COUNTRY_CODES, isCountryCode } from "../../../src/rules/identifiers/countries";

// Published sample numbers (UPS, FedEx, DHL, USPS developer and label documentation, as
// collected in the tracking_number_data project) next to copies with one digit changed.
describe("check-digit algorithms", () => {
  it.each([
    ["1Z999AA10123456784", true],
    ["1Z5R89390357567127", true],
    ["1Z879E930346834440", true],
    ["1Z410E7W0392751591", true],
    ["1Z8V92A70367203024", true],
    ["1Z12345E6605272234", true],
    ["1Z999AA10123456785", false],
    ["1Z999AA10213456784", false],
    ["1Z5R89390357567137", false],
  ])("UPS mod 10 with letters as (code - 3) mod 10: %s is %s", (n, ok) => {
    expect(isValidUps(n)).toBe(ok);
  });

  it("finds that UPS's sandbox number 1Z12345E0205271688 does not carry a valid check digit (it is a test stub)", () => {
    expect(isValidUps("1Z12345E0205271688")).toBe(false);
  });

  it.each([
    ["K1506235620", true],
    ["K2479825491", true],
    ["J4603636537", true],
    ["V0490119172", true],
    ["K1506235622", false],
    ["V0411335627", false],
    ["K2479852491", false],
  ])("UPS waybill (letter, 9 digits, UPS mod 10 check): %s is %s", (n, ok) => {
    expect(isValidUpsWaybill(n)).toBe(ok);
  });

  it.each([
    ["986578788855", true],
    ["477179081230", true],
    ["799531274483", true],
    ["790535312317", true],
    ["974367662710", true],
    ["996578788855", false],
    ["799531274438", false],
  ])("FedEx Express 12 (weights 3,1,7, mod 11 mod 10): %s is %s", (n, ok) => {
    expect(isValidFedexExpress(n)).toBe(ok);
  });

  it.each([
    ["041441760228964", true],
    ["568283610012000", true],
    ["568283610012734", true],
    ["568283610012732", false],
    ["568283610021734", false],
  ])("FedEx Ground 15 (mod 10, weights 3,1 from the right): %s is %s", (n, ok) => {
    expect(isValidMod10Weighted31(n)).toBe(ok);
  });

  it.each([
    ["3318810025", true],
    ["8487135506", true],
    ["1099255990", true],
    ["3821724944", true],
    ["73891051146", true],
    ["3318810034", false],
    ["3318810010", false],
    ["3318820025", false],
    ["3318810052", false],
  ])("DHL Express (preceding digits mod 7): %s is %s", (n, ok) => {
    expect(isValidDhl(n)).toBe(ok);
  });

  it("reads long DHL numbers exactly (BigInt beyond 15 digits)", () => {
    const body = "12345678901234567";
    const check = Number(BigInt(body) % 7n);
    expect(isValidDhl(body + check)).toBe(true);
    expect(isValidDhl(body + ((check + 1) % 7))).toBe(false);
  });

  it.each([
    ["RB123456785GB", true],
    ["RB123456785US", true],
    ["AA473124829GB", true],
    ["EA123456785CN", true],
    ["RB123456786US", false],
    ["RB123456785XX", false],
    ["RB123456785UK", false],
    ["RB213456785GB", false],
  ])("UPU S10 (weights 8,6,4,2,3,5,9,7 and a real country): %s is %s", (n, ok) => {
    expect(isValidS10(n)).toBe(ok);
  });

  it("maps S10 remainders 0 to 5 and 1 to 0", () => {
    expect(s10CheckDigit("00000000")).toBe(5); // sum 0: remainder 0
    expect(s10CheckDigit("02000000")).toBe(0); // 2 x 6 = 12: remainder 1
    expect(s10CheckDigit("12345678")).toBe(5); // sum 204: remainder 6, 11 - 6
  });

  it.each([
    ["03071790000523483741", true],
    ["71123456789123456787", true],
    ["9400111201080805483016", true],
    ["9361289878700317633795", true],
    ["92748931507708513018050063", true],
    ["03071790000523483742", false],
    ["9400111201080805483116", false],
  ])("USPS IMpb (mod 10, weights 3,1 from the right): %s is %s", (n, ok) => {
    expect(isValidMod10Weighted31(n)).toBe(ok);
  });

  it("misses a swap of two digits five apart under weights 3,1, as every mod 10 scheme does", () => {
    expect(isValidMod10Weighted31("9400111201080805438016")).toBe(true);
  });

  it("holds the 249 assigned ISO 3166-1 alpha-2 codes and no reserved ones", () => {
    expect(COUNTRY_CODES.size).toBe(249);
    for (const code of ["CN", "US", "GB", "DE", "HK", "TW", "MO", "SS", "BQ"])
      expect(isCountryCode(code)).toBe(true);
    for (const code of ["UK", "EU", "XK", "AN", "ZZ"]) expect(isCountryCode(code)).toBe(false);
  });
});
