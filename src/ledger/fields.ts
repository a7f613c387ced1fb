/**
 * The field table: every column a ledger may carry that the engine reads, with
 * its kind (how a cell is parsed), its level (order-level values are carried
 * down 1688 continuation rows; line-level ones are not), the exact header words
 * that name it (aliases, English and Chinese, including every useful column of
 * 1688's 49-column order export as DOMAIN.md writes it) and the key words that
 * name it inside a longer header.
 *
 * Aliases and key words are written as people write them; `header.ts`
 * normalises both sides the same way (NFKC, lower case, no spaces, units such
 * as "(元)" taken off), so "货品总价(元)", "货品总价（元）" and "货品总价" are one alias.
 * Key words come in two strengths: `keywords` name the field on their own,
 * `weak` ones only when nothing more specific matches ("金额", "amount").
 */

export const FIELD_IDS = [
  "orderId",
  "supplierName",
  "memberId",
  "shopUrl",
  "uscc",
  "storeYears",
  "badges",
  "businessModel",
  "claimsFactory",
  "factoryVisit",
  "reviewScore",
  "reviewCount",
  "recentReviewShare",
  "repeatRate",
  "total",
  "goodsTotal",
  "shipping",
  "adjustment",
  "amountPaid",
  "paidUpfront",
  "paidShare",
  "paymentMethod",
  "paymentStatus",
  "status",
  "received",
  "shippedDate",
  "paidDate",
  "orderDate",
  "quantity",
  "unitPrice",
  "referencePrice",
  "carrier",
  "trackingNumber",
  "sample",
  "contract",
  "inspection",
  "exportShipment",
  "invoice",
  "packingList",
  "exportDeclaration",
  "payee",
  "category",
  "market",
  "certs",
  "productTitle",
  "sku",
  "offerId",
  "dailySales",
  "leadDays",
  "transitDays",
  "safetyDays",
  "onHand",
  "inTransit",
] as const;

export type FieldId = (typeof FIELD_IDS)[number];

/**
 * How a field's cells are parsed:
 * - `text`: normalised text (full-width → half-width); `id`: text, and whole numbers written out in full;
 * - `money`, `share`, `number`, `years`, `date`, `bool`: the parsers of `parse/`;
 * - `evidence`: yes/no words, or any other note (a contract number, "SGS 3/5", a date) meaning yes;
 * - `export`: yes/no, or a destination country (中国 / China / 国内 mean no);
 * - `received`: yes/no, a received quantity or a date of receipt;
 * - `shipped`: a ship date, or yes/no;
 * - `payment`, `status`, `paymentStatus`, `badges`, `businessModel`, `factoryVisit`: vocabulary (`parse/vocab.ts`).
 */
export type FieldKind =
  | "text"
  | "id"
  | "money"
  | "share"
  | "number"
  | "years"
  | "date"
  | "bool"
  | "evidence"
  | "export"
  | "received"
  | "shipped"
  | "payment"
  | "status"
  | "paymentStatus"
  | "badges"
  | "businessModel"
  | "factoryVisit";

export type FieldLevel = "order" | "line";

export interface FieldDef {
  id: FieldId;
  kind: FieldKind;
  level: FieldLevel;
  /** Exact header words; earlier ones win when two columns of one sheet name the same field. */
  aliases: readonly string[];
  /** Words that name the field inside a longer header. */
  keywords: readonly string[];
  /** Generic words that name the field only when nothing more specific matches. */
  weak?: readonly string[];
}

type Def = Omit<FieldDef, "id">;

const TABLE: Record<FieldId, Def> = {
  orderId: {
    kind: "id",
    level: "order",
    aliases: ["订单编号", "订单号", "采购单号", "采购订单号", "1688订单号", "单号", "订单id", "Order ID", "Order No.", "Order number",
      "Order #", "PO", "PO number", "PO No.", "Purchase order"],
    keywords: ["订单编号", "订单号", "采购单号", "orderid", "orderno", "ordernumber", "order#", "ponumber", "pono"],
  },
  supplierName: {
    kind: "text",
    level: "order",
    aliases: ["卖家公司名", "供应商名称", "供应商", "供应商名", "厂家名称", "厂家", "工厂名称", "工厂", "商家名称", "商家", "店铺名称",
      "店铺名", "公司名称", "公司名", "卖家", "卖家名称", "Supplier", "Supplier name", "Vendor", "Vendor name", "Seller",
      "Seller name", "Factory", "Factory name", "Company", "Company name", "Shop name", "Store name", "Manufacturer"],
    keywords: ["供应商", "卖家公司", "厂家名", "工厂名", "商家名", "公司名", "店铺名", "supplier", "vendor", "seller", "companyname",
      "factoryname", "shopname", "storename"],
  },
  memberId: {
    kind: "id",
    level: "order",
    aliases: ["卖家会员名", "会员名", "会员id", "旺旺", "旺旺号", "旺旺名", "阿里旺旺", "卖家旺旺", "供应商旺旺", "卖家id", "Member ID",
      "Login ID", "Seller ID", "Wangwang", "Member name"],
    keywords: ["会员名", "会员id", "供应商会员", "旺旺", "memberid", "membername", "loginid", "sellerid", "wangwang"],
  },
  shopUrl: {
    kind: "text",
    level: "order",
    aliases: ["商品链接", "店铺链接", "店铺网址", "供应商链接", "采购链接", "货源链接", "1688链接", "链接", "网址", "URL", "Link",
      "Shop URL", "Store URL", "Product link", "Product URL", "1688 link", "Supplier link", "Offer link"],
    keywords: ["链接", "网址", "url", "link", "website"],
  },
  uscc: {
    kind: "id",
    level: "order",
    aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "营业执照号", "营业执照", "执照号", "USCC", "Credit code",
      "Business license", "Business licence", "License no.", "Registration number"],
    keywords: ["信用代码", "营业执照", "执照", "uscc", "creditcode", "license", "licence"],
  },
  storeYears: {
    kind: "years",
    level: "order",
    aliases: ["诚信通年限", "工厂年限", "年限", "开店年限", "店铺年限", "经营年限", "入驻年限", "诚信通", "Years on 1688", "Store age",
      "Store years", "TrustPass years", "TP years", "Years"],
    keywords: ["年限", "诚信通", "storeage", "trustpass", "yearson"],
    weak: ["years"],
  },
  badges: {
    kind: "badges",
    level: "order",
    aliases: ["认证", "资质", "标识", "标签", "徽章", "店铺标签", "商家标识", "认证标识", "Badges", "Badge", "Credentials",
      "Credential", "Store badges", "Tags"],
    keywords: ["资质", "标识", "徽章", "badge", "credential"],
    weak: ["认证"],
  },
  businessModel: {
    kind: "businessModel",
    level: "order",
    aliases: ["经营模式", "商家类型", "供应商类型", "卖家类型", "企业类型", "Business model", "Business type", "Supplier type",
      "Seller type"],
    keywords: ["经营模式", "商家类型", "供应商类型", "businessmodel", "businesstype", "suppliertype"],
  },
  claimsFactory: {
    kind: "bool",
    level: "order",
    aliases: ["源头厂家", "源头工厂", "是否源头厂家", "是否源头工厂", "是否工厂", "是否厂家", "源头", "工厂直销", "Claims factory",
      "Is factory", "Source factory", "Factory direct"],
    keywords: ["源头", "是否工厂", "是否厂家", "isfactory", "claimsfactory", "factorydirect"],
  },
  factoryVisit: {
    kind: "factoryVisit",
    level: "order",
    aliases: ["验厂", "视频验厂", "实地验厂", "视频看厂", "看厂", "拜访", "工厂拜访", "实地考察", "是否验厂", "Factory visit",
      "Video call", "Factory video", "Visit", "Factory audit", "Video audit"],
    keywords: ["验厂", "看厂", "拜访", "考察", "视频", "visit", "videocall", "factoryvideo"],
  },
  reviewScore: {
    kind: "number",
    level: "order",
    aliases: ["综合服务分", "服务分", "评分", "店铺评分", "评价分", "综合评分", "星级", "Rating", "Score", "Review score",
      "Store rating", "Service score"],
    keywords: ["服务分", "评分", "评价分", "星级", "rating", "reviewscore", "servicescore"],
    weak: ["score"],
  },
  reviewCount: {
    kind: "number",
    level: "order",
    aliases: ["评价数", "评价数量", "评论数", "累计评价", "评价", "评论", "Reviews", "Review count", "Number of reviews",
      "Ratings count"],
    keywords: ["评价数", "评论数", "评价量", "累计评价", "reviewcount", "ofreviews", "reviews"],
  },
  recentReviewShare: {
    kind: "share",
    level: "order",
    aliases: ["近30天评价占比", "30天评价占比", "近期评价占比", "近30天评价比例", "Recent reviews", "Recent review share",
      "Recent reviews %", "Reviews last 30 days %"],
    keywords: ["近30天评价占比", "30天评价占比", "近期评价占比", "近30天评价比例", "recentreview", "last30days%"],
  },
  repeatRate: {
    kind: "share",
    level: "order",
    aliases: ["回头率", "复购率", "回购率", "买家回头率", "Repeat rate", "Repeat buyer rate", "Repeat purchase rate",
      "Return buyer rate", "Repurchase rate"],
    keywords: ["回头率", "复购", "回购", "repeat", "repurchase"],
  },
  total: {
    kind: "money",
    level: "order",
    aliases: ["订单金额", "订单总额", "订单总金额", "订单总价", "采购金额", "采购总额", "合计", "总计", "总金额", "总额", "总价",
      "应付金额", "应付款", "货款总额", "金额", "Total", "Order total", "Total amount", "Amount", "Order amount", "Grand total",
      "PO amount", "Purchase amount", "Total price", "Order value"],
    keywords: ["订单金额", "订单总额", "订单总价", "采购金额", "采购总额", "总金额", "总额", "合计", "总计", "应付", "total",
      "ordervalue", "orderamount"],
    weak: ["金额", "amount", "总价", "value"],
  },
  goodsTotal: {
    kind: "money",
    level: "order",
    aliases: ["货品总价(元)", "货品总价", "货品金额", "商品总价", "商品金额", "货款", "货值", "小计", "Goods total", "Goods amount",
      "Merchandise total", "Subtotal", "Sub total"],
    keywords: ["货品总价", "货品金额", "商品总价", "商品金额", "货款", "货值", "小计", "subtotal", "goodstotal", "goodsamount"],
  },
  shipping: {
    kind: "money",
    level: "order",
    aliases: ["运费(元)", "运费", "邮费", "快递费", "物流费", "运费金额", "Shipping", "Shipping fee", "Shipping cost", "Freight",
      "Postage", "Delivery fee"],
    keywords: ["运费", "邮费", "快递费", "物流费", "freight", "shippingfee", "shippingcost", "postage", "deliveryfee"],
    weak: ["shipping"],
  },
  adjustment: {
    kind: "money",
    level: "order",
    aliases: ["涨价或折扣(元)", "涨价或折扣", "折扣", "优惠", "涨价", "改价", "调价", "Discount", "Adjustment", "Price adjustment"],
    keywords: ["涨价或折扣", "折扣", "优惠", "调价", "改价", "discount", "adjustment"],
  },
  amountPaid: {
    kind: "money",
    level: "order",
    aliases: ["实付款(元)", "实付款", "实付金额", "实付", "已付款", "已付金额", "已付", "付款金额", "支付金额", "已支付", "已支付金额",
      "Amount paid", "Paid", "Paid amount", "Payment amount", "Total paid"],
    keywords: ["实付", "已付", "已支付", "付款金额", "支付金额", "amountpaid", "paidamount", "totalpaid", "paymentamount"],
  },
  paidUpfront: {
    kind: "money",
    level: "order",
    aliases: ["预付款", "预付金额", "预付款金额", "预付", "定金", "订金", "定金金额", "首付款", "首付", "首款", "Deposit", "Deposit paid",
      "Paid upfront", "Upfront", "Upfront payment", "Prepayment", "Prepaid", "Advance payment", "Advance", "Down payment"],
    keywords: ["预付", "定金", "订金", "首付", "首款", "deposit", "upfront", "prepay", "prepaid", "advance", "downpayment"],
  },
  paidShare: {
    kind: "share",
    level: "order",
    aliases: ["预付比例", "预付款比例", "定金比例", "订金比例", "首付比例", "付款比例", "预付%", "Deposit %", "Deposit share",
      "Deposit ratio", "Deposit rate", "Deposit percent", "Deposit percentage", "Upfront %", "Upfront share", "Prepayment %",
      "Prepayment ratio", "Paid share", "% paid upfront", "Share paid upfront"],
    keywords: ["预付比例", "预付款比例", "定金比例", "订金比例", "首付比例", "付款比例", "预付%", "定金%", "deposit%", "depositratio",
      "depositshare", "depositrate", "depositpercent", "upfront%", "upfrontshare", "prepayment%", "prepaymentratio",
      "%paidupfront", "sharepaidupfront"],
    weak: ["比例", "占比", "ratio", "percent"],
  },
  paymentMethod: {
    kind: "payment",
    level: "order",
    aliases: ["付款方式", "支付方式", "付款渠道", "支付渠道", "结算方式", "交易方式", "Payment method", "Payment", "Payment channel",
      "Payment type", "Pay method", "Paid via"],
    keywords: ["付款方式", "支付方式", "付款渠道", "支付渠道", "结算方式", "交易方式", "paymentmethod", "paymentchannel", "paymenttype",
      "paymethod", "paidvia"],
    weak: ["payment", "付款", "支付"],
  },
  paymentStatus: {
    kind: "paymentStatus",
    level: "order",
    aliases: ["付款状态", "支付状态", "结算状态", "Payment status", "Paid status"],
    keywords: ["付款状态", "支付状态", "结算状态", "paymentstatus", "paidstatus"],
  },
  status: {
    kind: "status",
    level: "order",
    aliases: ["订单状态", "交易状态", "采购状态", "状态", "订单进度", "Status", "Order status", "State"],
    keywords: ["订单状态", "交易状态", "采购状态", "orderstatus"],
    weak: ["状态", "status"],
  },
  received: {
    kind: "received",
    level: "order",
    aliases: ["已收货", "收货", "是否收货", "到货", "是否到货", "已到货", "到货数量", "收货数量", "实收数量", "入库数量", "收货日期",
      "收货时间", "到货日期", "到货时间", "Received", "Goods received", "Received qty", "Qty received", "Delivered", "Arrived",
      "Received date", "Date received"],
    keywords: ["到货数量", "收货数量", "实收数量", "入库数量", "收货", "到货", "入库", "实收", "received", "arrived"],
  },
  shippedDate: {
    kind: "shipped",
    level: "order",
    aliases: ["发货日期", "发货时间", "发货日", "卖家发货时间", "已发货", "是否发货", "Ship date", "Shipped date", "Shipping date",
      "Dispatch date", "Shipped on", "Shipped"],
    keywords: ["发货日期", "发货时间", "是否发货", "shipdate", "shippeddate", "shippingdate", "dispatchdate", "shippedon"],
  },
  paidDate: {
    kind: "date",
    level: "order",
    aliases: ["订单付款时间", "付款时间", "付款日期", "支付时间", "支付日期", "Paid date", "Payment date", "Paid on", "Date paid"],
    keywords: ["付款时间", "付款日期", "支付时间", "支付日期", "paymentdate", "paiddate", "datepaid", "paidon"],
  },
  orderDate: {
    kind: "date",
    level: "order",
    aliases: ["订单创建时间", "下单时间", "下单日期", "订单日期", "订单时间", "采购日期", "创建时间", "日期", "Order date", "Date",
      "Created", "Created at", "Purchase date", "PO date"],
    keywords: ["下单时间", "下单日期", "创建时间", "订单日期", "采购日期", "orderdate", "purchasedate", "podate", "created"],
    weak: ["日期", "时间", "date"],
  },
  quantity: {
    kind: "number",
    level: "line",
    aliases: ["数量", "采购数量", "订购数量", "下单数量", "购买数量", "件数", "Qty", "Quantity", "Order qty", "Purchase qty", "PCS",
      "Units"],
    keywords: ["数量", "件数", "qty", "quantity"],
  },
  unitPrice: {
    kind: "money",
    level: "line",
    aliases: ["单价(元)", "单价", "采购单价", "进价", "采购价", "成本价", "价格", "Unit price", "Price", "Unit cost", "Cost price",
      "Purchase price", "Price per unit"],
    keywords: ["单价", "进价", "采购价", "成本价", "unitprice", "unitcost", "priceperunit", "purchaseprice", "costprice"],
    weak: ["价格", "price"],
  },
  referencePrice: {
    kind: "money",
    level: "line",
    aliases: ["参考价", "参考价格", "市场价", "市场价格", "目标价", "目标价格", "对标价", "行情价", "Reference price", "Market price",
      "Target price", "Benchmark price"],
    keywords: ["参考价", "市场价", "目标价", "对标", "行情价", "referenceprice", "marketprice", "targetprice", "benchmark"],
  },
  carrier: {
    kind: "text",
    level: "order",
    aliases: ["物流公司", "快递公司", "快递", "物流", "承运商", "承运人", "物流商", "快递名称", "Carrier", "Courier", "Logistics",
      "Shipping company", "Express", "Logistics company"],
    keywords: ["物流公司", "快递公司", "承运", "物流商", "快递名称", "carrier", "courier", "logisticscompany", "shippingcompany"],
    weak: ["快递", "物流", "logistics", "express"],
  },
  trackingNumber: {
    kind: "id",
    level: "order",
    aliases: ["运单号", "物流单号", "快递单号", "运单编号", "物流编号", "快递号", "追踪号", "跟踪号", "Tracking no.", "Tracking number",
      "Tracking", "Tracking #", "Waybill", "Waybill no.", "AWB", "AWB no."],
    keywords: ["运单", "物流单号", "快递单号", "物流编号", "快递号", "追踪号", "跟踪号", "tracking", "waybill", "awb"],
  },
  sample: {
    kind: "evidence",
    level: "order",
    aliases: ["样品", "是否样品", "样品单", "拿样", "是否拿样", "打样", "试单", "Sample", "Samples", "Sample ordered", "Trial order",
      "Trial"],
    keywords: ["样品", "拿样", "打样", "试单", "sample", "trial"],
  },
  contract: {
    kind: "evidence",
    level: "order",
    aliases: ["合同", "电子合同", "是否签合同", "签合同", "采购合同", "合同号", "合同编号", "Contract", "E-contract", "Contract signed",
      "Contract no."],
    keywords: ["合同", "contract"],
  },
  inspection: {
    kind: "evidence",
    level: "order",
    aliases: ["验货", "质检", "第三方验货", "是否验货", "验货报告", "检验", "Inspection", "QC", "SGS", "Third-party inspection",
      "Pre-shipment inspection", "Inspected", "Inspection report"],
    keywords: ["验货", "质检", "检验", "第三方检", "inspection", "inspected", "sgs"],
    weak: ["qc"],
  },
  exportShipment: {
    kind: "export",
    level: "order",
    aliases: ["出口", "是否出口", "目的国", "目的国家", "目的地", "发往国家", "出口国家", "Export", "Exported", "Destination",
      "Destination country", "Ship to country"],
    keywords: ["出口", "目的国", "目的地", "发往", "export", "destination"],
  },
  invoice: {
    kind: "evidence",
    level: "order",
    aliases: ["发票", "是否开票", "开票", "已开票", "发票号", "发票号码", "发票状态", "商业发票", "Invoice", "Invoice no.",
      "Commercial invoice", "Invoiced"],
    keywords: ["发票", "开票", "invoice"],
  },
  packingList: {
    kind: "evidence",
    level: "order",
    aliases: ["装箱单", "箱单", "装箱清单", "Packing list", "Packing"],
    keywords: ["装箱单", "箱单", "装箱清单", "packinglist"],
    weak: ["packing"],
  },
  exportDeclaration: {
    kind: "evidence",
    level: "order",
    aliases: ["报关单", "报关", "出口报关", "出口报关单", "报关单号", "Export declaration", "Customs declaration", "Declaration",
      "Customs"],
    keywords: ["报关", "declaration", "customs"],
  },
  payee: {
    kind: "text",
    level: "order",
    aliases: ["收款人", "收款账户名", "收款户名", "收款方", "收款账户", "收款单位", "收款人姓名", "户名", "开户名", "Payee", "Payee name",
      "Beneficiary", "Account name", "Account holder"],
    keywords: ["收款", "户名", "payee", "beneficiary", "accountname", "accountholder"],
  },
  category: {
    kind: "text",
    level: "line",
    aliases: ["品类", "类目", "类别", "产品类别", "商品类目", "分类", "产品分类", "Category", "Product category", "Product type"],
    keywords: ["品类", "类目", "类别", "分类", "category"],
  },
  market: {
    kind: "text",
    level: "order",
    aliases: ["目标市场", "销售市场", "站点", "市场", "销售平台", "平台", "Market", "Marketplace", "Site", "Target market",
      "Sales channel"],
    keywords: ["目标市场", "销售市场", "站点", "销售平台", "marketplace", "targetmarket", "saleschannel"],
    weak: ["市场", "market"],
  },
  certs: {
    kind: "text",
    level: "line",
    aliases: ["认证证书", "证书", "产品证书", "产品认证", "资质证书", "检测报告", "Certificates", "Certificate", "Certs", "Cert",
      "Certification", "Certifications", "CE/FCC", "Compliance"],
    keywords: ["证书", "产品认证", "检测报告", "cert", "ce/fcc", "compliance"],
  },
  productTitle: {
    kind: "text",
    level: "line",
    aliases: ["货品标题", "商品标题", "商品名称", "产品名称", "货品名称", "品名", "产品", "商品", "标题", "Product", "Product name",
      "Product title", "Item", "Item name", "Title", "Description", "Goods"],
    keywords: ["标题", "品名", "商品名", "产品名", "货品名", "productname", "producttitle", "itemname"],
  },
  sku: {
    kind: "id",
    level: "line",
    aliases: ["SKU ID", "SKU", "sku编码", "sku编号", "商品编码", "货号"],
    keywords: ["sku"],
  },
  offerId: {
    kind: "id",
    level: "line",
    aliases: ["Offer ID", "offerid", "商品id", "货品id", "商品编号", "Offer"],
    keywords: ["offerid", "商品id", "货品id"],
  },
  dailySales: {
    kind: "number",
    level: "line",
    aliases: ["日均销量", "日均", "日销量", "日销", "Daily sales", "Avg daily sales", "Average daily sales", "Sales per day", "ADS"],
    keywords: ["日均", "日销", "dailysales", "salesperday"],
  },
  leadDays: {
    kind: "number",
    level: "line",
    aliases: ["采购天数", "采购周期", "交期", "生产周期", "备货周期", "Lead time", "Lead days", "Purchase days", "Production time"],
    keywords: ["采购天数", "采购周期", "交期", "生产周期", "备货周期", "leadtime", "leaddays", "purchasedays", "productiontime"],
  },
  transitDays: {
    kind: "number",
    level: "line",
    aliases: ["运输天数", "头程天数", "物流天数", "海运天数", "在途天数", "Transit days", "Transit time", "Shipping days"],
    keywords: ["运输天数", "头程", "物流天数", "海运天数", "在途天数", "transitdays", "transittime", "shippingdays"],
  },
  safetyDays: {
    kind: "number",
    level: "line",
    aliases: ["安全天数", "安全库存天数", "Safety days", "Safety stock days"],
    keywords: ["安全天数", "安全库存天数", "safetydays", "safetystockdays"],
  },
  onHand: {
    kind: "number",
    level: "line",
    aliases: ["可用库存", "库存", "现有库存", "库存数量", "当前库存", "在库", "On hand", "Stock", "Inventory", "Available stock",
      "In stock"],
    keywords: ["可用库存", "库存", "onhand", "stock", "inventory"],
  },
  inTransit: {
    kind: "number",
    level: "line",
    aliases: ["在途", "在途数量", "在途库存", "采购在途", "In transit", "Inbound", "On order"],
    keywords: ["在途", "intransit", "inbound", "onorder"],
  },
};

export const FIELDS: readonly FieldDef[] = FIELD_IDS.map((id) => ({ id, ...TABLE[id] }));

export const FIELD_BY_ID: Readonly<Record<FieldId, FieldDef>> = Object.fromEntries(FIELDS.map((f) => [f.id, f])) as Record<
  FieldId,
  FieldDef
>;

const FIELD_ID_SET: ReadonlySet<string> = new Set(FIELD_IDS);

export function isFieldId(s: string): s is FieldId {
  return FIELD_ID_SET.has(s);
}

/** 1688's order export (订单导出), its 49 columns in order (DOMAIN.md section 1). */
export const EXPORT_1688_HEADERS: readonly string[] = [
  "订单编号", "买家公司名", "买家会员名", "卖家公司名", "卖家会员名", "货品总价(元)", "运费(元)", "涨价或折扣(元)", "实付款(元)",
  "订单状态", "订单创建时间", "订单付款时间", "发货方", "收货人姓名", "收货地址", "邮编", "联系电话", "联系手机", "货品标题",
  "单价(元)", "数量", "单位", "货号", "型号", "Offer ID", "SKU ID", "物料编号", "单品货号", "货品种类", "买家留言", "物流公司",
  "运单号", "发票：购货单位名称", "发票：纳税人识别号", "发票：地址、电话", "发票：开户行及账号", "发票收取地址", "关联编号",
  "代理商姓名", "代理商联系方式", "是否代发订单", "代发服务商id", "微商订单号", "下单批次号", "下游渠道", "下游订单号",
  "下单公司主体", "发起人登录名", "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
];

/**
 * Headers known to carry nothing the engine reads: the buyer's side, the
 * consignee and the buyer's invoice details of the 1688 export (发票：纳税人识别号
 * is the buyer's tax number, not the supplier's licence), and columns such as
 * 货品种类 (how many kinds of goods, not a category). Never matched by key word.
 */
export const IGNORED_HEADERS: readonly string[] = [
  "买家公司名", "买家会员名", "发货方", "收货人姓名", "收货地址", "邮编", "联系电话", "联系手机", "单位", "型号", "物料编号",
  "单品货号", "货品种类", "买家留言", "发票：购货单位名称", "发票：纳税人识别号", "发票：地址、电话", "发票：开户行及账号",
  "发票收取地址", "关联编号", "代理商姓名", "代理商联系方式", "是否代发订单", "代发服务商id", "微商订单号", "下单批次号", "下游渠道",
  "下游订单号", "下单公司主体", "发起人登录名", "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)", "安全库存",
  "Safety stock", "风险分", "风险等级", "风险", "Risk score", "Risk level", "Risk", "备注", "Remarks", "Notes", "Note",
];

/** A header containing one of these is never mapped by key word (only by an exact alias). */
export const BLOCKED_KEYWORDS: readonly string[] = [
  "买家", "buyer", "收货人", "consignee", "收货地址", "发票:", "风险", "risk", "尾款", "balance", "代理商", "下游", "采购员", "跟单",
  "备注", "remark", "note",
];

/** ERP purchase-order words (Dianxiaomi, Mabang, Tongtu...): two of these make a sheet an ERP export. */
export const ERP_HEADERS: readonly string[] = [
  "采购单号", "付款状态", "到货数量", "日均销量", "安全天数", "在途", "可用库存", "SKU", "采购天数", "快递公司",
];
