import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  order: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  orderText: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
});

export interface OrderButtonProps {
  /** The order's line: row, supplier, and what matters about it. */
  title: string;
  /** Under the line: why it is listed. */
  detail: ReactNode;
  onClick: () => void;
  "data-testid"?: string;
}

/** One order in a list, two lines high; clicking it selects its row in the sheet. */
export function OrderButton({ title, detail, onClick, "data-testid": testId }: OrderButtonProps) {
  const styles = useStyles();
  return (
    <Button className={styles.order} appearance="subtle" onClick={onClick} data-testid={testId}>
      <span className={styles.orderText}>
        <Text weight="semibold">{title}</Text>
        {detail}
      </span>
    </Button>
  );
}
OrderButton.displayName = "OrderButton";
