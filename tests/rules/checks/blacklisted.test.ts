import { blacklisted } from "../../../src/rules/checks/blacklisted";
import { buildBlacklist } from "../../../src/rules/blacklist";
import { order, run } from "./helpers";

describe("blacklisted", () => {
  const blacklist = buildBlacklist([
    ["Supplier", "Shop link", "Reason"],
    ["深圳市速发贸易有限公司", "https://sufa888.1688.com/", "took deposit, never shipped"],
  ]);

  it("gives 100 points to a supplier on the list, matched by name", () => {
    expect(
      run(blacklisted, order({ supplier: { name: "深圳市速发贸易有限公司" } }), { blacklist }),
    ).toMatchObject([{ rule: "blacklisted", code: "on_blacklist", points: 100 }]);
  });

  it("matches on the shop link alone", () => {
    expect(
      run(blacklisted, order({ supplier: { shopUrl: "http://sufa888.1688.com" } }), { blacklist }),
    ).toHaveLength(1);
  });

  it("is silent for another supplier or without a list", () => {
    expect(run(blacklisted, order({ supplier: { name: "义乌市晨光饰品有限公司" } }), { blacklist })).toEqual(
      [],
    );
    expect(run(blacklisted, order({ supplier: { name: "深圳市速发贸易有限公司" } }))).toEqual([]);
  });
});
