/**
 * The preview's picture of the mock workbook: the active sheet's cells with
 * the conditional-format fills the flags give them, and sheet tabs. Cell
 * text is rendered as React text, never as HTML.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useReducer } from "react";
import { columnLetters } from "../excel/address";
import type { MockExcelHandle } from "./install";

const useStyles = makeStyles({
  root: { fontFamily: tokens.fontFamilyBase, fontSize: "12px", padding: "8px" },
  tabs: { display: "flex", columnGap: "4px", marginBottom: "6px" },
  tab: {
    padding: "2px 10px",
    border: "1px solid #ccc",
    borderRadius: "4px 4px 0 0",
    cursor: "pointer",
    backgroundColor: "#f3f3f3",
  },
  active: { backgroundColor: "#fff", fontWeight: 600 },
  table: { borderCollapse: "collapse" },
  cell: {
    border: "1px solid #e0e0e0",
    padding: "2px 6px",
    whiteSpace: "nowrap",
    maxWidth: "260px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: { backgroundColor: "#f3f3f3", color: "#666", textAlign: "center" },
  selected: { outline: "2px solid #217346", outlineOffset: "-2px" },
});

export interface SheetViewProps {
  handle: MockExcelHandle;
}

export function SheetView({ handle }: SheetViewProps) {
  const styles = useStyles();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => handle.onChange(redraw), [handle]);
  const book = handle.book;
  const sheet = book.activeSheet;
  const values = handle.values(sheet.name);
  const width = Math.max(0, ...values.map((r) => r.length));
  const fonts = new Map(sheet.formats.map((f) => [f.fill, f.font]));
  const sel = book.selection;
  return (
    <div className={styles.root} data-testid="sheet-view">
      <div className={styles.tabs}>
        {book.sheets.map((s) => (
          <span
            key={s.name}
            className={`${styles.tab} ${s === sheet ? styles.active : ""}`}
            onClick={() => handle.select(s.name, 0, 0)}
            data-testid={`sheet-tab-${s.name}`}
          >
            {s.name}
          </span>
        ))}
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={`${styles.cell} ${styles.head}`} />
            {Array.from({ length: width }, (_, c) => (
              <th key={c} className={`${styles.cell} ${styles.head}`}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((row, r) => (
            <tr key={r}>
              <td className={`${styles.cell} ${styles.head}`}>{r + 1}</td>
              {Array.from({ length: width }, (_, c) => {
                const fill = handle.fillAt(sheet.name, r, c);
                const inSelection =
                  r >= sel.row &&
                  r < sel.row + sel.rowCount &&
                  c >= sel.column &&
                  c < sel.column + sel.columnCount;
                const v = row[c];
                return (
                  <td
                    key={c}
                    className={`${styles.cell} ${inSelection ? styles.selected : ""}`}
                    style={fill ? { backgroundColor: fill, color: fonts.get(fill) } : undefined}
                    onClick={() => handle.select(sheet.name, r, c)}
                    title={v === null || v === undefined ? "" : String(v)}
                  >
                    {v === null || v === undefined
                      ? ""
                      : v instanceof Date
                        ? v.toISOString().slice(0, 10)
                        : String(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
SheetView.displayName = "SheetView";
