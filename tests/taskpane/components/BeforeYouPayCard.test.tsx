import "../../../src/rules/pinyin";
import { parseSettings } from "../../../src/rules/settings";
import { BeforeYouPayCard } from "../../../src/taskpane/components/BeforeYouPayCard";
import { AS_OF, blacklist, payLedgerCells } from "../../rules/pay/fixtures";
import { textOf } from "./render";

function card(id: string, lang: "en" | "zh" = "en"): string {
  const cells = payLedgerCells(lang);
  const index = cells.findIndex((r) => r[0] === id) - 1;
  return textOf(
    <BeforeYouPayCard
      cells={cells}
      index={index}
      headerRow={0}
      settings={parseSettings({})}
      blacklist={blacklist()}
      asOf={AS_OF}
    />,
    lang,
  );
}

describe("BeforeYouPayCard", () => {
  it("shows STOP, the order and the payee account the supplier was paid before", () => {
    const text = card("PO-5102");
    expect(text).toContain("Before you pay");
    expect(text).toContain("STOP Order PO-5102, row 3: pay ¥10,080 to 宁波市海曙明辉工贸有限公司");
    expect(text).toContain("is not the 6222 0210 0011 2233 this supplier was paid before");
    expect(text).toContain("What was checked");
  });

  it("shows HOLD and PAY in Chinese, reasons included", () => {
    const hold = card("PO-5103", "zh");
    expect(hold).toContain("付款之前");
    expect(hold).toContain("HOLD 暂缓 订单 PO-5103，第 4 行：付 US$700 给 广州市白云区恒信皮具厂");
    expect(hold).toContain("付此笔 US$700 后");
    expect(card("PO-5111", "zh")).toContain("PAY 可付款");
  });

  it("says why a row paid in full cannot be judged without an amount", () => {
    expect(card("PO-5101")).toContain("row 2 is paid in full already: give the amount to pay");
  });
});
