import { price } from "../../../src/rules/checks/price";
import { explain } from "../../../src/rules/explain";
import { cny, order, run, usd } from "./helpers";

describe("price", () => {
  it("flags a unit price 30% below the reference", () => {
    expect(run(price, order({ unitPrice: cny(7), referencePrice: cny(10) }))).toMatchObject([
      { code: "price_too_low", points: 10, facts: { below: 0.3 } },
    ]);
  });

  it("compares across currencies in USD", () => {
    expect(run(price, order({ unitPrice: cny(36), referencePrice: usd(10) }))).toMatchObject([
      { code: "price_too_low" },
    ]);
  });

  it("is silent at 20% below, or without a reference column", () => {
    expect(run(price, order({ unitPrice: cny(8), referencePrice: cny(10) }))).toEqual([]);
    expect(run(price, order({ unitPrice: cny(1) }))).toEqual([]);
  });
});

describe("price explanation across currencies", () => {
  it("shows each price in its own currency", () => {
    const [r] = run(price, order({ unitPrice: cny(9.5), referencePrice: usd(2.4) }));
    expect(explain(r!, "en")).toBe("unit price ¥9.50 is 45% below the reference US$2.40");
  });
});
