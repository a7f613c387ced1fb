import "../rules/pinyin";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { buildDossier, dossierHtml, dossierOrders, ledgerLanguage, type Dossier } from "../ledger/dossier";
import type { Lang } from "../rules/types";
import { CliError, EXIT } from "./errors";
import { exists, writeAtomically } from "./io/output";
import { loadAllowFile, loadPayLedger } from "./pay";

export interface DossierCliOptions {
  file: string;
  order?: string | undefined;
  supplier?: string | undefined;
  out: string;
  asOf?: Date | undefined;
  lang?: Lang | undefined;
  settings?: string | undefined;
  blacklist?: string | undefined;
  allow?: string | undefined;
  sheet?: string | undefined;
  force: boolean;
}

const LINK = /^https?:\/\/\S+$/;

/** The dossier as an xlsx workbook: one sheet, titles bold, links clickable, set up to print on A4 across. */
export function dossierWorkbook(d: Dossier): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sourcing Guard";
  const sheet = workbook.addWorksheet(d.lang === "zh" ? "证据表" : "Dossier", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([d.title]).font = { bold: true, size: 14 };
  sheet.addRow([d.subtitle]);
  for (const s of d.sections) {
    sheet.addRow([]);
    sheet.addRow([s.title]).font = { bold: true, size: 12 };
    if (s.columns.length > 0) sheet.addRow(s.columns).font = { bold: true };
    for (const cells of s.rows) {
      const row = sheet.addRow(cells);
      cells.forEach((text, i) => {
        if (LINK.test(text)) row.getCell(i + 1).value = { text, hyperlink: text };
      });
      if (s.columns.length === 0) row.getCell(1).font = { bold: true };
    }
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 4 ? 80 : i === 0 ? 24 : 18;
    column.alignment = { wrapText: true, vertical: "top" };
  });
  return workbook;
}

/**
 * `guard dossier LEDGER (--order ID | --supplier NAME) --out FILE`: the
 * dispute dossier as .xlsx or printable .html, in the ledger's language.
 * Exit 0 when written; 2 for unusable input (no such order or supplier, an
 * output that exists without --force, another extension).
 */
export async function runDossier(options: DossierCliOptions, out: (line: string) => void): Promise<number> {
  const ext = path.extname(options.out).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".html" && ext !== ".htm") {
    throw new CliError(`${options.out}: the dossier is written as .xlsx or .html; give --out such a name`);
  }
  if (path.resolve(options.out) === path.resolve(options.file)) {
    throw new CliError(
      `${options.out}: is the input file; guard never overwrites its input (choose another --out)`,
    );
  }
  if (!options.force && (await exists(options.out))) {
    throw new CliError(`${options.out}: already exists; add --force to replace it`);
  }
  const { ledger, settings, blacklist } = await loadPayLedger(options);
  const allow = await loadAllowFile(options.allow);
  const asOf = options.asOf ?? today();
  const by = options.order !== undefined ? { order: options.order } : { supplier: options.supplier ?? "" };
  const indices = dossierOrders(ledger, settings, asOf, by);
  if (indices.length === 0) {
    throw new CliError(
      options.order !== undefined
        ? `${options.file}: no order "${options.order}"`
        : `${options.file}: no supplier named "${options.supplier ?? ""}" (give its name, member id, shop link or USCC as written)`,
    );
  }
  const lang = options.lang ?? ledgerLanguage(ledger.map.headers);
  const dossier = buildDossier(ledger, indices, {
    settings,
    asOf,
    lang,
    blacklist,
    allow,
    source: path.basename(options.file),
  });
  await writeAtomically(options.out, async (temp) => {
    if (ext === ".xlsx") await dossierWorkbook(dossier).xlsx.writeFile(temp);
    else await writeFile(temp, dossierHtml(dossier), "utf8");
  });
  out(`${options.out}: ${dossier.title}`);
  return EXIT.ok;
}

/** The local calendar day, as the ledger writes days. */
function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
