import type { Check } from "./check";
import { evidence, reason } from "./check";

const DOCS = [
  ["invoice", "invoice"],
  ["packingList", "packing_list"],
  ["exportDeclaration", "export_declaration"],
] as const;

/**
 * Goods shipped abroad need an invoice, a packing list and an export
 * declaration: any of the three missing, 5 points.
 * @example exportDocs.run({ ...order, exportShipment: true, invoice: true }, ctx) // code "export_docs_missing"
 */
export const exportDocs: Check = {
  id: "export-docs",
  fields: ["exportShipment"],
  run(order, ctx) {
    if (order.exportShipment !== true) return undefined;
    const missing = DOCS.filter(([field]) => evidence(order[field], field, ctx) === "no").map(
      ([, name]) => name,
    );
    if (missing.length === 0) return undefined;
    return reason("export-docs", "export_docs_missing", ctx.settings.exportDocs.points, {
      missing: missing.join(", "),
    });
  },
};
