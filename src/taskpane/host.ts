/**
 * Where the task pane runs, from what Office.onReady and Office.context say:
 * inside Excel, or in a browser outside Office (Office.onReady then gives
 * host null); and on which platform, for what that platform can do.
 */

/**
 * What Office.onReady resolves with (host and platform are null outside
 * Office). The typings declare numeric enums; Office.js's values are strings
 * such as "Excel" and "Mac", so both are compared as text.
 */
export interface HostInfo {
  host: unknown;
  platform: unknown;
}

/** True when the pane runs inside Excel (desktop, Mac or the web). */
export function isExcelHost(info: HostInfo | undefined): boolean {
  return info !== undefined && String(info.host) === "Excel";
}

/**
 * Platforms whose web view ignores `<a download>`: WKWebView on Mac and iOS,
 * and Android's WebView, save nothing and say nothing.
 */
const NO_DOWNLOADS = new Set(["Mac", "iOS", "Android"]);

/** Whether a file download from the pane can reach the user's disk on this platform (unknown: yes). */
export function canDownloadFiles(platform: unknown): boolean {
  return platform === null || platform === undefined || !NO_DOWNLOADS.has(String(platform));
}

/** The platform Office reports (Office.context.diagnostics, else Office.context.platform), if any. */
export function currentPlatform(): string | undefined {
  if (typeof Office === "undefined") return undefined;
  const context = Office.context as Partial<Office.Context> | undefined;
  const platform: unknown = context?.diagnostics?.platform ?? context?.platform;
  return platform === null || platform === undefined ? undefined : String(platform);
}

interface OfficeLoggerGlobal {
  OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown; loadProxyFrame?: () => void } | null } };
}

/**
 * Outside Office, Office.js's own logger (`OSF.Logger.ulsEndpoint`) opens a hidden frame to
 * Microsoft's telemetry service three seconds after loading. The add-in sends nothing
 * anywhere, so once Office.onReady says there is no host, that frame is not opened (the
 * Content-Security-Policy would block it anyway, as a violation). Returns whether the
 * logger was found and stopped; a later Office.js without it leaves the CSP to block it.
 */
export function stopOfficeLoggerFrame(
  global: OfficeLoggerGlobal = globalThis as OfficeLoggerGlobal,
): boolean {
  const endpoint = global.OSF?.Logger?.ulsEndpoint;
  if (!endpoint || typeof endpoint.loadProxyFrame !== "function" || endpoint.proxyFrame) return false;
  endpoint.loadProxyFrame = () => undefined;
  return true;
}
