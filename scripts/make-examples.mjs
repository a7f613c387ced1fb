// Generates the sample ledgers in examples/ (run: npm run examples).
//
// Deterministic: one seeded PRNG, fixed workbook dates, so a re-run writes the
// same cells. Together the three ledgers and the blacklist exercise every rule
// of DOMAIN.md section 2; tests/cli/audit.test.ts audits them and checks that.
//
// Identifiers are computed, not typed: USCCs with the GB 32100 check character
// (and a valid GB 11714 organization code inside), tracking numbers with the
// UPU S10 and the (unofficial) SF check digits, DHL with its mod 7 digit.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { HEADERS_1688, prng } from "./sample-data.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "examples");
const FIXED_DATE = new Date(Date.UTC(2024, 5, 30, 8, 0, 0));

// ---------------------------------------------------------------- randomness

const rand = prng(1688);
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join("");

// ---------------------------------------------------------------- identifiers

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** GB 11714 organization code: 8 digits + check (weights 3,7,9,10,5,8,4,2; 10 → X, 11 → 0). */
function organizationCode(body = digits(8)) {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  const c = 11 - (sum % 11);
  return body + (c === 10 ? "X" : c === 11 ? "0" : String(c));
}

/** GB 32100 check character over the first 17 characters (weight of position i: 3^i mod 31). */
function usccCheck(first17) {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += USCC_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

function uscc(division, kind = "91") {
  const first17 = kind + division + organizationCode();
  return first17 + usccCheck(first17);
}

/** A USCC whose check character was changed: what a typo or a clumsy forgery gives. */
function usccBadCheck(division) {
  const good = uscc(division);
  const last = good[17];
  const other = USCC_ALPHABET[(USCC_ALPHABET.indexOf(last) + 7) % 31];
  return good.slice(0, 17) + other;
}

/** UPU S10: 2 letters, 8 digits, check (weights 8,6,4,2,3,5,9,7; mod 11), country. */
function s10(prefix, country = "CN") {
  const body = digits(8);
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const r = [...body].reduce((s, ch, i) => s + Number(ch) * weights[i], 0) % 11;
  const check = r === 0 ? 5 : r === 1 ? 0 : 11 - r;
  return `${prefix}${body}${check}${country}`;
}

/** SF Express 12 digits with the widely reported (unofficial) check digit. */
function sf12() {
  const first11 = `${pick(["287", "288", "289", "301", "302"])}${digits(8)}`;
  const middle = first11.slice(3);
  let sum = 0;
  for (let i = 0; i < middle.length; i++) {
    const weight = 2 * (middle.length - 1 - i) + 1; // 1, 3, 5... from the right
    const product = Number(middle[i]) * weight;
    sum += Math.floor(product / 10) + (product % 10);
  }
  return first11 + String((10 - (sum % 10)) % 10);
}

/** DHL Express 10 digits: the check digit is the first nine read as a number, mod 7. */
function dhl10() {
  const body = `${int(1, 9)}${digits(8)}`;
  return body + String(Number(body) % 7);
}

const yto = () => `YT${digits(13)}`;
const zto = () => `7${int(3, 8)}${digits(12)}`;
const jt = () => `JT${digits(13)}`;
const internalNumber = (prefix) => `${prefix}${int(240301, 240630)}${digits(3)}`;

// ---------------------------------------------------------------- workbooks

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sourcing Guard examples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function styleHeader(row) {
  row.font = { bold: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
}

const money2 = (n) => Math.round(n * 100) / 100;
const yuanText = (n) =>
  `¥${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// ---------------------------------------------------------------- (a) 1688 order export

const SELLERS_1688 = [
  { name: "义乌市佳禾玩具有限公司", member: "jiahetoys" },
  { name: "深圳市华强创新电子有限公司", member: "hqcx2012" },
  { name: "东莞市鼎峰塑胶制品厂", member: "dingfeng88" },
  { name: "宁波市海曙区星辰家居用品商行", member: "xingchenjiaju" },
  { name: "广州市白云区美纱服饰厂", member: "meisha_fs" },
  { name: "汕头市澄海区乐童玩具厂", member: "letong2019" }, // on the sample blacklist
  { name: "杭州云织纺织品有限公司", member: "yunzhi_tex" },
];

const GOODS_1688 = [
  { title: "儿童益智积木玩具 大颗粒拼装", unit: "盒", price: [18, 35] },
  { title: "TWS蓝牙耳机 无线降噪 跨境专供", unit: "个", price: [42, 88] },
  { title: "硅胶折叠收纳盒 厨房置物", unit: "个", price: [6, 15] },
  { title: "纯棉女士T恤 宽松短袖 外贸", unit: "件", price: [16, 32] },
  { title: "不锈钢保温杯 500ml 定制logo", unit: "个", price: [12, 26] },
  { title: "宠物自动喂食器 智能定时", unit: "台", price: [95, 160] },
];

const BUYER = {
  company: "深圳市前海跨境优选科技有限公司",
  member: "kjyx_buyer",
  name: "李娜",
  phone: "13800138000",
};

function make1688() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("订单列表");
  styleHeader(ws.addRow(HEADERS_1688));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const col = Object.fromEntries(HEADERS_1688.map((h, i) => [h, i]));

  const statuses = [
    "交易成功",
    "交易成功",
    "已收货",
    "等待买家收货",
    "等待买家收货",
    "等待卖家发货",
    "等待买家付款",
    "交易关闭",
  ];
  const reused = zto(); // the empty-parcel sign: one number, two suppliers
  let reuseCount = 0;
  let orderSeq = 0;

  for (let o = 0; o < 26; o++) {
    const seller = SELLERS_1688[o % SELLERS_1688.length];
    const status = statuses[o % statuses.length];
    const lines = o % 4 === 1 ? 3 : o % 3 === 0 ? 2 : 1;
    const items = Array.from({ length: lines }, () => {
      const good = pick(GOODS_1688);
      const qty = pick([20, 50, 100, 120, 200, 300, 500, 1000]);
      return { ...good, qty, unitPrice: money2(int(good.price[0] * 100, good.price[1] * 100) / 100) };
    });
    const goodsTotal = money2(items.reduce((s, it) => s + it.qty * it.unitPrice, 0));
    const freight = pick([0, 0, 12, 25, 60]);
    const discount = pick([0, 0, 0, -20, -50]);
    const paid = money2(goodsTotal + freight + discount);
    const created = new Date(
      Date.UTC(2024, 2 + Math.floor(o / 9), 1 + (o % 27), 1 + (o % 12), (o * 7) % 60, (o * 13) % 60),
    );
    const stamp = (d) => d.toISOString().slice(0, 19).replace("T", " ");

    const shipped = ["交易成功", "已收货", "等待买家收货"].includes(status);
    let carrier = "";
    let tracking = "";
    if (shipped) {
      const kind = o % 9;
      if (kind === 0) [carrier, tracking] = ["顺丰速运", sf12()];
      else if (kind === 1) [carrier, tracking] = ["圆通速递", yto()];
      else if (kind === 2) [carrier, tracking] = ["中通快递", zto()];
      else if (kind === 3)
        [carrier, tracking] = ["义乌-深圳专线", internalNumber("ZX")]; // dedicated line
      else if (kind === 4) [carrier, tracking] = ["中国邮政", s10("EA")];
      else if (kind === 5) [carrier, tracking] = ["极兔速递", jt()];
      else if (kind === 6)
        [carrier, tracking] = ["中通快递", yto()]; // contradicts the carrier column
      else if (kind === 7)
        [carrier, tracking] = ["", ""]; // shipped, no number
      else [carrier, tracking] = ["中通快递", reused];
    }
    if (tracking === reused) reuseCount++;

    orderSeq++;
    const orderId = `37${String(orderSeq).padStart(3, "0")}${digits(14)}`;
    items.forEach((it, i) => {
      const row = new Array(HEADERS_1688.length).fill(null);
      const set = (h, v) => {
        row[col[h]] = v;
      };
      if (i === 0) {
        set("订单编号", orderId);
        set("买家公司名", BUYER.company);
        set("买家会员名", BUYER.member);
        set("卖家公司名", seller.name);
        set("卖家会员名", seller.member);
        // Some exports (and hand-edited copies) carry money as formatted text.
        set("货品总价(元)", o % 5 === 2 ? yuanText(goodsTotal) : goodsTotal);
        set("运费(元)", freight);
        set("涨价或折扣(元)", discount);
        set("实付款(元)", o % 5 === 2 ? yuanText(paid) : paid);
        set("订单状态", status);
        set("订单创建时间", stamp(created));
        if (status !== "等待买家付款" && status !== "交易关闭")
          set("订单付款时间", stamp(new Date(created.getTime() + 3600e3)));
        set("发货方", seller.name);
        set("收货人姓名", BUYER.name);
        set("收货地址", "广东省 深圳市 南山区 前海深港合作区前湾一路1号A栋201室");
        set("邮编", "518000");
        set("联系手机", BUYER.phone);
        set("物流公司", carrier || null);
        set("运单号", tracking || null);
        set("发票：购货单位名称", o % 4 === 0 ? BUYER.company : null);
        set("是否代发订单", "否");
        set("下单公司主体", BUYER.company);
        set("发起人登录名", BUYER.member);
      }
      set("货品标题", it.title);
      set("单价(元)", it.unitPrice);
      set("数量", it.qty);
      set("单位", it.unit);
      set("货号", `HH-${int(100, 999)}`);
      set("Offer ID", `${int(600000, 799999)}${digits(6)}`);
      set("SKU ID", `${int(4000, 5999)}${digits(9)}`);
      set("货品种类", "普通商品");
      ws.addRow(row);
    });
  }
  if (reuseCount < 2) throw new Error("the reused tracking number must appear on two orders");
  ws.columns.forEach((c, i) => {
    c.width = [0, 3, 18, 25, 31].includes(i) ? 26 : 14;
  });
  // Order ids and tracking numbers are text in the export: keep them so in Excel.
  for (const h of ["订单编号", "运单号", "Offer ID", "SKU ID", "邮编"]) ws.getColumn(col[h] + 1).numFmt = "@";
  return wb;
}

// ---------------------------------------------------------------- (b) ERP purchase sheet

const HEADERS_ERP = [
  "采购单号",
  "供应商",
  "付款状态",
  "运单号",
  "快递公司",
  "到货数量",
  "日均销量",
  "安全天数",
  "在途",
  "可用库存",
  "付款方式",
  "预付款",
  "采购金额(元)",
  "诚信通年限",
  "认证",
  "统一社会信用代码",
];

const SUPPLIERS_ERP = [
  {
    name: "义乌市佳禾玩具有限公司",
    division: "330782",
    years: "8年",
    badges: "实力商家、深度验厂",
    uscc: "valid",
  },
  {
    name: "深圳市华强创新电子有限公司",
    division: "440300",
    years: "诚信通5年",
    badges: "超级工厂",
    uscc: "valid",
  },
  { name: "东莞市鼎峰塑胶制品厂", division: "441900", years: "2", badges: "诚信通", uscc: "valid" },
  { name: "宁波星辰家居用品商行", division: "330203", years: "1年", badges: "", uscc: "bad_check" },
  { name: "温州市瓯海区恒达五金厂", division: "330304", years: "12", badges: "品牌授权", uscc: "valid" },
  { name: "普宁市佳丽针织厂", division: "445281", years: "1", badges: "", uscc: "missing" },
  {
    name: "泉州市丰泽区顺鑫鞋业商行",
    division: "350503",
    years: "3年",
    badges: "源头工厂",
    uscc: "valid_92",
  },
];

function makeErp() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("采购单");
  ws.addRow(["采购单列表（店小秘导出）  导出时间：2024-06-30 16:00"]);
  ws.mergeCells(1, 1, 1, HEADERS_ERP.length);
  ws.getRow(1).font = { bold: true, size: 13 };
  styleHeader(ws.addRow(HEADERS_ERP));
  ws.views = [{ state: "frozen", ySplit: 2 }];

  const usccs = new Map(
    SUPPLIERS_ERP.map((s) => [
      s.name,
      s.uscc === "valid"
        ? uscc(s.division)
        : s.uscc === "valid_92"
          ? uscc(s.division, "92")
          : s.uscc === "bad_check"
            ? usccBadCheck(s.division)
            : null,
    ]),
  );
  const payments = [
    "支付宝担保交易",
    "支付宝担保交易",
    "诚e赊",
    "分阶段付款",
    "微信转账",
    "银行转账（对私）",
    "账期",
    null,
    "个人支付宝",
  ];
  const payStatus = ["已完成", "已完成", "部分支付", "未支付", "已完成"];

  for (let i = 0; i < 30; i++) {
    const s = SUPPLIERS_ERP[i % SUPPLIERS_ERP.length];
    const payment = payments[i % payments.length];
    const amount = pick([1800, 3600, 8800, 15600, 26800, 48000, 72000, 128000]);
    // Deposits as money, the way ERPs record them: the guide's 30%, more, or all of it.
    const deposit =
      payment === "分阶段付款"
        ? yuanText(Math.round(amount * 0.3))
        : payment === "微信转账" || payment === "个人支付宝"
          ? pick([amount, yuanText(amount)])
          : payment === "银行转账（对私）"
            ? yuanText(Math.round(amount * 0.5))
            : i % 7 === 3
              ? Math.round(amount * 0.6)
              : null;
    const status = payStatus[i % payStatus.length];
    const shipped = status !== "未支付" && i % 6 !== 5;
    const kind = i % 6;
    const [carrier, tracking] = !shipped
      ? [null, null]
      : kind === 0
        ? ["顺丰", sf12()]
        : kind === 1
          ? ["韵达", `${int(3, 4)}${digits(12)}`]
          : kind === 2
            ? ["DHL", dhl10()]
            : kind === 3
              ? ["跨境专线", internalNumber("KJ")]
              : ["圆通", yto()];
    const daily = int(5, 80);
    ws.addRow([
      `CG${20240300 + i * 3}${String(i).padStart(3, "0")}`,
      s.name,
      status,
      tracking,
      carrier,
      shipped ? pick([50, 120, 300, 600]) : 0,
      daily,
      pick([7, 10, 15]),
      shipped ? pick([0, 200, 500]) : 0,
      int(0, 40) * daily,
      payment,
      deposit,
      i % 4 === 2 ? yuanText(amount) : amount,
      s.years,
      s.badges || null,
      usccs.get(s.name) ?? null,
    ]);
  }
  // A forger who fixes only the last character: the outer check passes, the inner one fails.
  const forgedBody = `91440300${"12345678"}${"1"}`; // organization code with a wrong check digit
  ws.addRow([
    "CG20240399999",
    "深圳市鑫达通贸易有限公司",
    "已完成",
    s10("RR"),
    "中国邮政",
    200,
    30,
    10,
    0,
    900,
    "支付宝担保交易",
    null,
    9600,
    "4",
    "实力商家",
    forgedBody + usccCheck(forgedBody),
  ]);
  ws.columns.forEach((c, i) => {
    c.width = [1, 15].includes(i) ? 30 : 13;
  });
  for (const c of [1, 4, 16]) ws.getColumn(c).numFmt = "@";
  return wb;
}

// ---------------------------------------------------------------- (c) team ledger (csv, English)

const HEADERS_TEAM = [
  "Supplier",
  "Shop link",
  "Store years",
  "Badges",
  "Business model",
  "Factory visit",
  "USCC",
  "Payment method",
  "Payee",
  "Order total (USD)",
  "Paid upfront",
  "Status",
  "Carrier",
  "Tracking no.",
  "Qty",
  "Sample",
  "Contract",
  "Inspection",
  "Destination",
  "Invoice",
  "Packing list",
  "Export declaration",
  "Reference price",
  "Unit price",
  "Reviews",
  "Review score",
  "Recent reviews (last 30 days)",
];

const TEAM_SUPPLIERS = [
  {
    name: "Yiwu Jiahe Toys Co., Ltd.",
    url: "https://detail.1688.com/offer/684512309871.html",
    years: 8,
    badges: "Powerful Merchant; Deep Factory Audit",
    model: "Manufacturer",
    visit: "video call done",
    division: "330782",
  },
  {
    name: "Shenzhen Huaqiang Innovation Electronics Co., Ltd.",
    url: "https://hqcx2012.1688.com",
    years: 5,
    badges: "Super Factory",
    model: "Manufacturer",
    visit: "visited",
    division: "440300",
  },
  {
    name: "Dongguan Dingfeng Plastic Products Factory",
    url: "https://shop1438276512345.1688.com",
    years: 2,
    badges: "",
    model: "Manufacturer",
    visit: "",
    division: "441900",
  },
  {
    name: "Ningbo Xingchen Home Goods Trading",
    url: "https://detail.1688.com.example-shop.top/offer/553201.html",
    years: 1,
    badges: "",
    model: "Trading company",
    visit: "refused",
    division: "330203",
  },
  {
    name: "Guangzhou Meisha Garment Factory",
    url: "https://b2b-2206834512.1688.com",
    years: 3,
    badges: "Source factory",
    model: "Manufacturer",
    visit: "",
    division: "440111",
  },
  {
    name: "Shantou Letong Toys Factory",
    url: "https://letong2019.1688.com",
    years: 4,
    badges: "TrustPass",
    model: "Manufacturer",
    visit: "",
    division: "440515",
  },
  {
    name: "Hangzhou Yunzhi Textiles Co., Ltd.",
    url: "http://l688.com/shop/yunzhi",
    years: 6,
    badges: "Brand Authorization",
    model: "Wholesaler",
    visit: "video call done",
    division: "330106",
  },
];

/** Full-width digits, as a Chinese input method types them. */
const fullWidth = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function csvField(v) {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function makeTeamCsv() {
  const rows = [HEADERS_TEAM];
  const payments = [
    "1688 escrow (Alipay)",
    "Trade Assurance",
    "WeChat transfer",
    "Bank transfer to personal account",
    "Western Union",
    "1688 escrow (Alipay)",
    "3/7 staged payment",
    "",
    "PayPal",
  ];
  const statuses = ["Received", "Shipped", "Shipped", "Awaiting shipment", "Completed", "Shipped"];
  for (let i = 0; i < 32; i++) {
    const s = TEAM_SUPPLIERS[i % TEAM_SUPPLIERS.length];
    const payment = payments[i % payments.length];
    const total = pick([180, 420, 900, 1600, 2400, 3800, 5200, 8800, 12500]);
    const usd = (n) => `$${Math.round(n).toLocaleString("en-US")}`;
    const upfront =
      payment === "3/7 staged payment"
        ? usd(total * 0.3)
        : payment === "WeChat transfer" || payment === "Western Union"
          ? pick([usd(total), `US$ ${total}`])
          : payment === "Bank transfer to personal account"
            ? usd(total * 0.5)
            : i % 5 === 4
              ? usd(total * 0.7)
              : "";
    const status = statuses[i % statuses.length];
    const shipped = status !== "Awaiting shipment";
    const kind = i % 7;
    const [carrier, tracking] = !shipped
      ? ["", ""]
      : kind === 0
        ? ["SF Express", sf12()]
        : kind === 1
          ? ["DHL", dhl10()]
          : kind === 2
            ? ["Dedicated line", internalNumber("DL")]
            : kind === 3
              ? ["China Post", s10("LX")]
              : kind === 4
                ? ["YTO", `YT ${digits(4)} ${digits(4)} ${digits(5)}`]
                : kind === 5
                  ? ["SF Express", ""]
                  : ["J&T", jt()];
    const qty = pick([60, 80, 150, 300, 500, 1200]);
    const reference = pick([2.4, 3.8, 6.5, 12, 18.5]);
    const unit = i % 6 === 2 ? money2(reference * 0.55) : money2(reference * (0.85 + rand() * 0.3));
    const reviews = i % 8 === 3 ? int(5, 15) : int(40, 2400);
    const score = i % 8 === 3 ? "4.98" : (4.3 + rand() * 0.6).toFixed(1);
    const recent = i % 9 === 4 ? "65%" : `${int(3, 25)}%`;
    const exportShip = i % 3 !== 2;
    const payee = i % 10 === 6 ? "Chen Xiaoming" : i % 10 === 8 ? "深圳市鑫达通贸易有限公司" : s.name;
    const usccCell = i % 11 === 5 ? "" : i % 11 === 7 ? usccBadCheck(s.division) : uscc(s.division);
    rows.push([
      s.name,
      s.url,
      i % 9 === 1 ? fullWidth(s.years) : s.years,
      s.badges,
      s.model,
      s.visit,
      usccCell,
      payment,
      payee,
      i % 7 === 3 ? fullWidth(total) : total,
      upfront,
      status,
      carrier,
      tracking,
      i % 8 === 5 ? fullWidth(qty) : qty,
      qty > 100 && i % 2 === 0 ? "No" : "Yes",
      total >= 2000 && i % 3 === 0 ? "No" : "Yes",
      total >= 5000 && i % 2 === 1 ? "None" : "SGS",
      exportShip ? pick(["USA", "Germany", "UK"]) : "China (domestic warehouse)",
      exportShip && i % 4 === 1 ? "No" : "Yes",
      "Yes",
      exportShip && i % 5 === 2 ? "No" : "Yes",
      reference,
      unit,
      reviews,
      score,
      recent,
    ]);
  }
  return `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------- blacklist

function makeBlacklist() {
  const rows = [
    ["Supplier", "Member ID", "Shop URL", "USCC", "Why"],
    [
      "汕头市澄海区乐童玩具厂",
      "letong2019",
      "https://letong2019.1688.com",
      "",
      "shipped empty parcels, 2023-11",
    ],
    ["Shantou Letong Toys Factory", "", "", "", "same company, English name"],
    ["深圳市鑫达通贸易有限公司", "", "", "", "asked for payment to a personal account"],
    ["", "", "https://shop9912345678.1688.com", "", "counterfeit certificates"],
    ["广州市荔湾区金凤饰品商行", "jinfeng_ss", "", "", "never shipped"],
  ];
  return `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------- hand-written

/**
 * A ledger typed by hand, values as clerks write them: 全款 / 半款 / 付3成 /
 * 定金30% in the paid columns, amounts with 元 / 块 / RMB / USD / 美元 / 万,
 * full-width digits, 无 / N/A for no, dates as 2026.3.5 and 3月5日, and one
 * paid cell nobody could read ("看合同"), which the audit names and scores without.
 */
function makeHandWritten() {
  const rows = [
    [
      "订单号",
      "供应商名称",
      "诚信通年限",
      "付款方式",
      "订单金额",
      "已付金额",
      "定金",
      "合同",
      "验货",
      "发货日期",
      "数量",
    ],
    [
      "SG-2601",
      "义乌市佳禾玩具有限公司",
      "８年",
      "担保交易",
      "6688元",
      "全款",
      "",
      "有",
      "无",
      "2026.3.5",
      "300",
    ],
    [
      "SG-2602",
      "宁波市海曙区星辰家居用品商行",
      "1年",
      "微信转账",
      "RMB 12,000",
      "",
      "30%定金",
      "无",
      "N/A",
      "3月5日",
      "２００",
    ],
    [
      "SG-2603",
      "汕头市澄海区乐童玩具厂",
      "5年",
      "支付宝担保交易",
      "USD 800",
      "半款",
      "",
      "N/A",
      "没有",
      "2026年3月8日",
      "120",
    ],
    ["SG-2604", "东莞市鼎峰塑胶制品厂", "6年", "对公转账", "1.2万元", "付3成", "", "已签", "未", "", "80"],
    [
      "SG-2605",
      "广州市白云区美纱服饰厂",
      "2年",
      "个人支付宝",
      "800美元",
      "",
      "定金100%",
      "没有",
      "无",
      "",
      "500",
    ],
    [
      "SG-2606",
      "杭州云织纺织品有限公司",
      "４年",
      "担保交易",
      "500块",
      "看合同",
      "",
      "是",
      "否",
      "3月12日",
      "50",
    ],
  ];
  return `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** Settings for `--settings`: Chinese output, the team's own exchange rate, the guide's deposit limit. */
const EXAMPLE_SETTINGS = { language: "zh", rates: { CNY: 7.1 }, deposit: { maxShare: 0.3 } };

/** Tracking numbers to pipe into `guard check tracking`, one per line (valid, and one that fits no carrier). */
const TRACKING_NUMBERS = [
  "1Z999AA10123456784",
  "EA123456785CN",
  "SF1234567890123",
  "YT9231186920570",
  "ZX000000001",
];

// ---------------------------------------------------------------- main

await mkdir(OUT, { recursive: true });
await make1688().xlsx.writeFile(path.join(OUT, "1688-orders.xlsx"));
await makeErp().xlsx.writeFile(path.join(OUT, "erp-purchases.xlsx"));
await writeFile(path.join(OUT, "team-ledger.csv"), makeTeamCsv());
await writeFile(path.join(OUT, "blacklist.csv"), makeBlacklist());
await writeFile(path.join(OUT, "hand-written.csv"), makeHandWritten());
await writeFile(path.join(OUT, "settings.json"), `${JSON.stringify(EXAMPLE_SETTINGS, null, 2)}\n`);
await writeFile(path.join(OUT, "tracking-numbers.txt"), `${TRACKING_NUMBERS.join("\n")}\n`);
process.stdout.write(
  `wrote ${path.relative(process.cwd(), OUT) || "."}/: 1688-orders.xlsx, erp-purchases.xlsx, team-ledger.csv, blacklist.csv, hand-written.csv, settings.json, tracking-numbers.txt\n`,
);
