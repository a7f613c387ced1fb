import {
  canDownloadFiles,
  currentPlatform,
  isExcelHost,
  stopOfficeLoggerFrame,
} from "../../src/taskpane/host";

describe("where the task pane runs", () => {
  it("is in Excel when Office.onReady names Excel as the host", () => {
    expect(isExcelHost({ host: "Excel", platform: "PC" })).toBe(true);
    expect(isExcelHost({ host: "Excel", platform: "OfficeOnline" })).toBe(true);
  });

  it("is outside Office when Office.onReady gives host null, as in a plain browser", () => {
    expect(isExcelHost({ host: null, platform: null })).toBe(false);
    expect(isExcelHost(undefined)).toBe(false);
  });

  it("is not in Excel when another Office application loads the page", () => {
    expect(isExcelHost({ host: "Word", platform: "PC" })).toBe(false);
  });
});

describe("whether a file download can work", () => {
  it.each(["Mac", "iOS", "Android"])("offers no download on %s, whose web view ignores <a download>", (p) => {
    expect(canDownloadFiles(p)).toBe(false);
  });

  it.each(["PC", "OfficeOnline", "Universal"])("offers the download on %s", (p) => {
    expect(canDownloadFiles(p)).toBe(true);
  });

  it("offers it when the platform is unknown (the preview page, the browser tests)", () => {
    expect(canDownloadFiles(undefined)).toBe(true);
    expect(canDownloadFiles(null)).toBe(true);
  });
});

describe("the platform Office reports", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  it("reads Office.context.diagnostics.platform first", () => {
    g.Office = { context: { diagnostics: { platform: "Mac" }, platform: "PC" } };
    expect(currentPlatform()).toBe("Mac");
  });

  it("falls back to Office.context.platform, and to nothing without Office", () => {
    g.Office = { context: { platform: "OfficeOnline" } };
    expect(currentPlatform()).toBe("OfficeOnline");
    delete g.Office;
    expect(currentPlatform()).toBeUndefined();
  });
});

describe("Office.js's own logger frame outside Office", () => {
  it("is stopped before it opens, so the page loads nothing from Microsoft's telemetry service", () => {
    const opened: string[] = [];
    const endpoint = {
      proxyFrame: null as unknown,
      loadProxyFrame(): void {
        opened.push("telemetryproxy.html");
      },
    };
    expect(stopOfficeLoggerFrame({ OSF: { Logger: { ulsEndpoint: endpoint } } })).toBe(true);
    endpoint.loadProxyFrame();
    expect(opened).toEqual([]);
  });

  it("leaves alone an Office.js without that logger, or one whose frame is already open", () => {
    expect(stopOfficeLoggerFrame({})).toBe(false);
    expect(stopOfficeLoggerFrame({ OSF: { Logger: { ulsEndpoint: null } } })).toBe(false);
    const open = { proxyFrame: {}, loadProxyFrame: () => undefined };
    expect(stopOfficeLoggerFrame({ OSF: { Logger: { ulsEndpoint: open } } })).toBe(false);
  });
});
