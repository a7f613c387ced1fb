/**
 * Copies text to the clipboard and says whether it really was copied: the
 * asynchronous Clipboard API first, then the older selection copy (which
 * WKWebView on Mac still honours). Resolves false when neither worked, so the
 * pane never reports a copy that did not happen.
 */

/** The two ways to copy; the defaults are the page's own. */
export interface ClipboardEnv {
  clipboard?: Pick<Clipboard, "writeText"> | undefined;
  document?: Document | undefined;
}

function pageEnv(): ClipboardEnv {
  return {
    clipboard: globalThis.navigator?.clipboard,
    document: typeof document === "undefined" ? undefined : document,
  };
}

/** Copies `text`; true only when a clipboard API confirmed the copy. */
export async function copyText(text: string, env: ClipboardEnv = pageEnv()): Promise<boolean> {
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission in this frame, or not focused): try the older way.
    }
  }
  return env.document ? copyBySelection(text, env.document) : false;
}

/** Selects the text in a hidden text area and asks the browser to copy the selection. */
function copyBySelection(text: string, doc: Document): boolean {
  if (!doc.body || typeof doc.execCommand !== "function") return false;
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  try {
    area.select();
    // execCommand is deprecated but is the one copy WKWebView allows without a permission prompt.
    return doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
