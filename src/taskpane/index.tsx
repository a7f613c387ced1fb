/**
 * Placeholder task pane entry, written by the build helper so the webpack build has an
 * entry until the task pane lands. The task pane helper replaces this file.
 */
import { FluentProvider, Title1, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title1>Sourcing Guard</Title1>
    </FluentProvider>,
  );
}
