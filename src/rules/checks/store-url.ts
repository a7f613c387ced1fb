import { checkStoreUrl } from "../identifiers/store-url";
import type { Check } from "./check";
import { reason } from "./check";

/**
 * A shop link that imitates 1688 (1688.com.example.top, l688.com, 1688.cn,
 * punycode, credentials in the URL) is phishing: 30 points.
 * @example storeUrl.run({ ...order, supplier: { shopUrl: "https://detail.1688.com.shop.top/x" } }, ctx) // code "lookalike_url"
 */
export const storeUrl: Check = {
  id: "store-url",
  fields: ["shopUrl"],
  run(order, ctx) {
    const url = order.supplier.shopUrl;
    if (!url) return undefined;
    const result = checkStoreUrl(url);
    if (result.code !== "lookalike") return undefined;
    return reason("store-url", "lookalike_url", ctx.settings.storeUrl.points, {
      url,
      host: result.host ?? "",
    });
  },
};
