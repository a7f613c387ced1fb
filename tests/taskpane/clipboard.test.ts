import { copyText } from "../../src/taskpane/clipboard";

/** Just enough of a document for the selection copy; `copies` says what execCommand answers. */
function fakeDocument(copies: boolean | "throws") {
  const attached: unknown[] = [];
  const doc = {
    body: { appendChild: (node: unknown) => attached.push(node) },
    createElement: () => ({
      value: "",
      style: {},
      setAttribute: () => undefined,
      select: () => undefined,
      remove: () => attached.splice(0),
    }),
    execCommand: (command: string) => {
      if (copies === "throws") throw new Error("not allowed");
      return command === "copy" && copies;
    },
  };
  return { doc: doc as unknown as Document, attached };
}

describe("copying the blacklist to the clipboard", () => {
  it("reports a copy when the Clipboard API accepts the text", async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (text: string) => void written.push(text) };
    await expect(copyText("Supplier\r\n恶意公司\r\n", { clipboard })).resolves.toBe(true);
    expect(written).toEqual(["Supplier\r\n恶意公司\r\n"]);
  });

  it("falls back to the selection copy when the Clipboard API refuses, and reports it when it worked", async () => {
    const clipboard = { writeText: () => Promise.reject(new Error("NotAllowedError")) };
    const { doc, attached } = fakeDocument(true);
    await expect(copyText("x", { clipboard, document: doc })).resolves.toBe(true);
    expect(attached).toEqual([]);
  });

  it("never reports a copy when the Clipboard API refuses and the selection copy does nothing", async () => {
    const clipboard = { writeText: () => Promise.reject(new Error("NotAllowedError")) };
    await expect(copyText("x", { clipboard, document: fakeDocument(false).doc })).resolves.toBe(false);
    await expect(copyText("x", { clipboard, document: fakeDocument("throws").doc })).resolves.toBe(false);
  });

  it("never reports a copy where there is no clipboard at all", async () => {
    await expect(copyText("x", {})).resolves.toBe(false);
  });
});
