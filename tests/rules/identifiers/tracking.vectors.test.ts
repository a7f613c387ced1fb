import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CarrierId } from "../../../src/rules/identifiers/carriers";
import { validateTracking } from "../../../src/rules/identifiers/tracking";

/**
 * The public test vectors of jkeen/tracking_number_data (MIT), copied
 * verbatim under tests/fixtures/tracking_number_data (see its README). Only
 * this test reads them: the engine keeps its own carrier table and checksums.
 */

interface Kind {
  name: string;
  test_numbers: { valid: string[]; invalid: string[] };
}

interface CourierFile {
  courier_code: string;
  tracking_numbers: Kind[];
}

const DIR = join(__dirname, "../../fixtures/tracking_number_data");

const FILES = ["ups.json", "fedex.json", "usps.json", "dhl.json", "s10.json", "yunexpress.json"] as const;

const load = (file: string): CourierFile => JSON.parse(readFileSync(join(DIR, file), "utf8")) as CourierFile;

type Scope = { carrier: CarrierId } | { outOfScope: string };

/** Every kind of number in the vector files: the carrier we attribute it to, or why we leave it out. */
const SCOPE: Readonly<Record<string, Scope>> = {
  "ups/UPS": { carrier: "ups" },
  "ups/UPS Waybill": { carrier: "ups" },
  "fedex/FedEx Express (12)": { carrier: "fedex" },
  "fedex/FedEx Express (34)": { carrier: "fedex" },
  "fedex/FedEx SmartPost": { carrier: "fedex" },
  "fedex/FedEx Ground": { carrier: "fedex" },
  "fedex/FedEx Ground (SSCC-18)": { carrier: "fedex" },
  "fedex/FedEx Ground 96 (22)": { carrier: "fedex" },
  "fedex/FedEx Ground GSN": { carrier: "fedex" },
  "usps/USPS 20": { carrier: "usps" },
  "usps/USPS 34v2": { carrier: "usps" },
  "usps/USPS 91": { carrier: "usps" },
  "dhl/DHL Express": { carrier: "dhl" },
  "dhl/DHL Express (Piece ID)": { carrier: "dhl" },
  "dhl/DHL E-Commerce": { carrier: "dhl" },
  "dhl/DHL E-Commerce (14)": {
    outOfScope:
      "any 14 digits with no check digit: it would claim every 14-digit ZTO or Best number " +
      "and every 14-digit internal number for DHL",
  },
  "s10/S10": { carrier: "s10" },
  "yunexpress/YunExpress": { carrier: "yunexpress" },
};

const KINDS = FILES.flatMap((file) => {
  const courier = load(file);
  return courier.tracking_numbers.map((kind) => ({ key: `${courier.courier_code}/${kind.name}`, kind }));
});

const inScope = KINDS.flatMap(({ key, kind }) => {
  const scope = SCOPE[key];
  return scope && "carrier" in scope ? [{ key, kind, carrier: scope.carrier }] : [];
});

const VALID = inScope.flatMap(({ key, kind, carrier }) =>
  kind.test_numbers.valid.map((n) => [JSON.stringify(n), key, carrier, n] as const),
);
const INVALID = inScope.flatMap(({ key, kind, carrier }) =>
  kind.test_numbers.invalid.map((n) => [JSON.stringify(n), key, carrier, n] as const),
);

describe("the tracking_number_data vectors", () => {
  it("places every kind of number in the vector files in or out of scope, with a reason for those left out", () => {
    for (const { key } of KINDS) {
      const scope = SCOPE[key];
      expect([key, scope === undefined]).toEqual([key, false]);
      if (scope && "outOfScope" in scope) expect(scope.outOfScope.length).toBeGreaterThan(20);
    }
    // All of them but the 3 valid and 7 invalid DHL eCommerce (14) numbers.
    expect([VALID.length, INVALID.length]).toEqual([77, 36]);
  });

  it.each(VALID)("reads %s (%s, a valid number) as valid for %s", (_label, _kind, carrier, number) => {
    const r = validateTracking(number);
    expect(r.valid).toBe(true);
    expect(r.carriers.map((c) => c.id)).toContain(carrier);
    expect(validateTracking(number, carrier).code).toBe("valid");
  });

  it.each(INVALID)(
    "does not read %s (%s, an invalid number) as a valid %s number",
    (_label, _kind, carrier, number) => {
      const r = validateTracking(number);
      expect(r.valid && r.carriers.some((c) => c.id === carrier)).toBe(false);
      expect(validateTracking(number, carrier).valid).toBe(false);
    },
  );
});
