import type { CliIo } from "../../src/cli/main";

/** A command line's standard streams, kept as text (standard input empty). */
export function io(): CliIo & { out: string; err: string } {
  const state = {
    out: "",
    err: "",
    stdout(s: string) {
      state.out += s;
    },
    stderr(s: string) {
      state.err += s;
    },
    readStdin: async () => "",
  };
  return state;
}
