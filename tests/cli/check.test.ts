import { runCheck } from "../../src/cli/check";

describe("runCheck", () => {
  it("prints one JSON object per tracking number, in order, with its carriers", () => {
    const lines = runCheck("tracking", ["1Z999AA10123456784", "HHWL20240315001"], { json: true });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      input: "1Z999AA10123456784",
      valid: true,
      code: "valid",
      carriers: [{ id: "ups", name: "UPS" }],
      message: expect.stringContaining("UPS"),
    });
    expect(JSON.parse(lines[1] ?? "")).toMatchObject({ valid: false, code: "invalid_format", carriers: [] });
  });

  it("checks tracking numbers against --carrier", () => {
    const [line] = runCheck("tracking", ["1Z999AA10123456784"], { json: true, carrier: "顺丰" });
    expect(JSON.parse(line ?? "")).toMatchObject({ valid: false, code: "carrier_mismatch" });
  });

  it("prints USCC results without a carriers field and with warnings", () => {
    const lines = runCheck("uscc", ["91110108551385082Q", "91110108551385082F", "91350211M00013FA1N"], {
      json: true,
    });
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ input: "91110108551385082Q", valid: true, code: "valid" });
    expect(parsed[0]).not.toHaveProperty("carriers");
    expect(parsed[1]).toMatchObject({ valid: false, code: "invalid_checksum" });
    expect(parsed[2]).toMatchObject({ valid: true, warning: "fujian_pilot" });
  });

  it("prints link results with the host", () => {
    const lines = runCheck("url", ["https://shop1.1688.com", "https://1688.com.evil.top", "供应商"], {
      json: true,
    });
    expect(lines.map((l) => JSON.parse(l) as { code: string; valid: boolean })).toEqual([
      expect.objectContaining({ valid: true, code: "genuine", host: "shop1.1688.com" }),
      expect.objectContaining({ valid: false, code: "lookalike", host: "1688.com.evil.top" }),
      expect.objectContaining({ valid: false, code: "not_url" }),
    ]);
  });

  it("prints readable tab-separated lines without --json", () => {
    const lines = runCheck("tracking", ["1Z999AA10123456784", "SF1311239425841", "x", "0000000000"], {
      json: false,
    });
    expect(lines[0]).toMatch(/^1Z999AA10123456784\tOK\tvalid\t/);
    expect(lines[1]).toMatch(/^SF1311239425841\tINVALID\tinvalid_checksum\t.*check digit is wrong/);
    expect(lines[2]).toMatch(/^x\tINVALID\tinvalid_format\t/);
    expect(lines[3]).toMatch(/^0000000000\tINVALID\tplaceholder\ta placeholder, not a real number/);
  });

  it("marks CHECK an old 12-digit SF number whose unverified check digit fails under --carrier sf", () => {
    const [line] = runCheck("tracking", ["755308483428"], { json: false, carrier: "sf" });
    expect(line).toMatch(/^755308483428\tCHECK\tvalid\t.*unofficial/);
  });

  it("returns no lines for no values", () => {
    expect(runCheck("uscc", [], { json: false })).toEqual([]);
  });
});
