import type { FieldSpec } from "../fields";

/**
 * The supplier's phone number: a supplier sharing a phone with a blacklisted one is a possible
 * match, and the dossier lists it. Read only by src/ledger/pay-facts.ts, never into `Order`.
 *
 * Its spellings come from Chinese team sheets and ERP supplier lists (供应商电话, 卖家联系方式, 厂家电话)
 * and English ones (Supplier phone, Vendor phone). Examples are labelled in tests/fixtures/header-corpus.tsv.
 */
export const supplierPhone: FieldSpec<"supplierPhone"> = {
  id: "supplierPhone",
  kind: "id",
  level: "order",
  aliases: [
    "供应商电话",
    "供应商手机",
    "供应商联系电话",
    "供应商联系方式",
    "卖家电话",
    "卖家手机",
    "卖家联系方式",
    "厂家电话",
    "商家电话",
    "Supplier phone",
    "Supplier tel",
    "Seller phone",
    "Vendor phone",
  ],
  keywords: [
    "供应商电话",
    "供应商手机",
    "卖家电话",
    "厂家电话",
    "supplierphone",
    "sellerphone",
    "vendorphone",
  ],
};
