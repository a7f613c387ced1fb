// Shared by the sample-ledger generator (scripts/make-examples.mjs) and the
// benchmark ledgers (bench/ledger.mjs): a seeded PRNG and the 1688 order
// export's 49 headers. The headers are written out here on purpose, apart from
// src/ledger/fields.ts, so generated ledgers test the field table rather than
// reuse it.

/** mulberry32: a small seeded PRNG, plenty for sample data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1688's order export (订单导出), its 49 columns in order (DOMAIN.md section 1). */
export const HEADERS_1688 = [
  "订单编号",
  "买家公司名",
  "买家会员名",
  "卖家公司名",
  "卖家会员名",
  "货品总价(元)",
  "运费(元)",
  "涨价或折扣(元)",
  "实付款(元)",
  "订单状态",
  "订单创建时间",
  "订单付款时间",
  "发货方",
  "收货人姓名",
  "收货地址",
  "邮编",
  "联系电话",
  "联系手机",
  "货品标题",
  "单价(元)",
  "数量",
  "单位",
  "货号",
  "型号",
  "Offer ID",
  "SKU ID",
  "物料编号",
  "单品货号",
  "货品种类",
  "买家留言",
  "物流公司",
  "运单号",
  "发票：购货单位名称",
  "发票：纳税人识别号",
  "发票：地址、电话",
  "发票：开户行及账号",
  "发票收取地址",
  "关联编号",
  "代理商姓名",
  "代理商联系方式",
  "是否代发订单",
  "代发服务商id",
  "微商订单号",
  "下单批次号",
  "下游渠道",
  "下游订单号",
  "下单公司主体",
  "发起人登录名",
  "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
];
