import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { io } from "./cli-io";

const fixture = path.join(__dirname, "..", "fixtures", "guide-examples.csv");

describe("guard command line", () => {
  it("scores a csv and exits 0", async () => {
    const t = io();
    expect(await main(["score", fixture, "--json"], t)).toBe(0);
    expect(t.out.trim().split("\n")).toHaveLength(6);
  });

  it("takes --columns for score and names unread relevant columns on stderr", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "guard-"));
    const ledger = path.join(dir, "ledger.csv");
    writeFileSync(ledger, "供应商,运单号,快递单号\n义乌市好日子日用品有限公司,SF1234567890123,\n");
    const t = io();
    expect(await main(["score", ledger, "--columns"], t)).toBe(0);
    expect(t.out).toMatch(/^Columns:\n/);
    expect(t.out).toMatch(/C\s+快递单号\s+ignored/);
    expect(t.err).toContain('column C "快递单号" looks like trackingNumber but is not read');
    expect(t.err).toContain('is read from column B "运单号"');
  });

  it("exits 2 naming the file when it cannot be read", async () => {
    const t = io();
    expect(await main(["score", "/no/such/ledger.xlsx"], t)).toBe(2);
    expect(t.err).toMatch(/\/no\/such\/ledger\.xlsx/);
  });

  it("exits 2 naming the file and the key for bad settings", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "guard-"));
    const settings = path.join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify({ deposit: { maxShare: 3 } }));
    const t = io();
    expect(await main(["score", fixture, "--settings", settings], t)).toBe(2);
    expect(t.err).toMatch(/settings\.json.*deposit\.maxShare/);
  });

  it("reads settings from a key/value csv", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "guard-"));
    const settings = path.join(dir, "settings.csv");
    writeFileSync(settings, "Key,Value\ndeposit.smallOrderUsd,20000\n");
    const t = io();
    expect(await main(["score", fixture, "--json", "--settings", settings], t)).toBe(0);
    const first = JSON.parse(t.out.split("\n")[0]!) as { reasons: Array<{ rule: string }> };
    expect(first.reasons.map((r) => r.rule)).not.toContain("deposit");
    expect(first.reasons.map((r) => r.rule)).toContain("payment-channel");
  });

  it("checks values given on the command line or read from standard input", async () => {
    const args = io();
    expect(await main(["check", "uscc", "91330100716105852F", "91330100716105852G", "--json"], args)).toBe(0);
    const lines = args.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { input: string; valid: boolean });
    expect(lines.map((l) => [l.input, l.valid])).toEqual([
      ["91330100716105852F", true],
      ["91330100716105852G", false],
    ]);
    const piped = io("1Z999AA10123456784\r\n\nZX-1\n");
    expect(await main(["check", "tracking", "--json"], piped)).toBe(0);
    expect(piped.out.trim().split("\n")).toHaveLength(2);
  });

  it("prints the usage instead of waiting when check has no values and standard input is a terminal", async () => {
    const t = {
      ...io(),
      stdinIsTTY: true,
      readStdin: () => Promise.reject(new Error("must not read a terminal")),
    };
    let err = "";
    t.stderr = (s: string) => {
      err += s;
    };
    expect(await main(["check", "tracking"], t)).toBe(2);
    expect(err).toContain("guard check tracking needs VALUEs or lines on standard input");
    expect(err).toContain("Usage:");
  });

  it("documents the exit codes in --help", async () => {
    const t = io();
    expect(await main(["--help"], t)).toBe(0);
    expect(t.out).toMatch(/Exit codes:\n {2}0 {2}done/);
    expect(t.out).toMatch(/ {2}3 {2}score, audit: every row scored, but some cells could not be read/);
    expect(t.out).toContain("cat numbers.txt | guard check tracking");
  });

  it("exits 2 with the usage for an unknown command or option", async () => {
    const t = io();
    expect(await main(["scour", "x"], t)).toBe(2);
    expect(t.err).toMatch(/unknown command "scour"/);
    const u = io();
    expect(await main(["score", fixture, "--colour"], u)).toBe(2);
    expect(u.err).toMatch(/Usage/);
  });
});
