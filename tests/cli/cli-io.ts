import type { CliIo } from "../../src/cli/main";

/** A command line's standard streams, kept as text (standard input `stdin`, empty unless given). */
export function io(stdin = ""): CliIo & { out: string; err: string } {
  const state = {
    out: "",
    err: "",
    stdout(s: string) {
      state.out += s;
    },
    stderr(s: string) {
      state.err += s;
    },
    readStdin: async () => stdin,
  };
  return state;
}
