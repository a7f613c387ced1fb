import { payee } from "../../../src/rules/checks/payee";
import { order, run } from "./helpers";

describe("payee", () => {
  it("flags money sent to a person instead of the supplier's company", () => {
    expect(run(payee, order({ supplier: { name: "义乌市晨光饰品有限公司" }, payee: "张伟" }))).toMatchObject([
      { code: "payee_mismatch", points: 25 },
    ]);
  });

  it("is silent when the payee is the company, written differently", () => {
    expect(
      run(
        payee,
        order({
          supplier: { name: "Yiwu Chenguang Jewelry Co., Ltd." },
          payee: "YIWU CHENGUANG JEWELRY CO LTD",
        }),
      ),
    ).toEqual([]);
    expect(
      run(payee, order({ supplier: { name: "义乌市晨光饰品有限公司" }, payee: "义乌市晨光饰品有限公司" })),
    ).toEqual([]);
  });
});

describe("payee across scripts", () => {
  it("does not compare a Chinese company name with an English payee", () => {
    expect(
      run(
        payee,
        order({ supplier: { name: "义乌市晨光饰品有限公司" }, payee: "Yiwu Chenguang Jewelry Co., Ltd." }),
      ),
    ).toEqual([]);
  });
});
