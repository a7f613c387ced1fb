/**
 * The pages' Content-Security-Policy allows no eval. zod compiles fast object
 * parsers with `new Function` when it may, and probes for that by trying it,
 * which a page under that policy reports as a violation. Jitless mode parses
 * without the probe. Imported first by the page entries, before any schema runs.
 */
import { z } from "zod";

z.config({ jitless: true });
