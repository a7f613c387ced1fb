import { exportDocs } from "../../../src/rules/checks/export-docs";
import { order, run } from "./helpers";

describe("export-docs", () => {
  it("names the documents missing from an export shipment", () => {
    expect(run(exportDocs, order({ exportShipment: true, invoice: true }))).toMatchObject([
      { code: "export_docs_missing", points: 5, facts: { missing: "packing_list, export_declaration" } },
    ]);
  });

  it("is silent when all three are there", () => {
    const o = order({ exportShipment: true, invoice: true, packingList: true, exportDeclaration: true });
    expect(run(exportDocs, o)).toEqual([]);
  });

  it("is silent for a domestic shipment and for documents the ledger does not track", () => {
    expect(run(exportDocs, order({ exportShipment: false }))).toEqual([]);
    expect(run(exportDocs, order({ exportShipment: true }), { fields: ["exportShipment"] })).toEqual([]);
  });
});
