/** The schema of `chitieu check`'s options, loaded only when they do not fit (check.ts says why). */
import "../text/jitless.js";
import { z } from "zod";
import type { CheckOptions as Options } from "./check.js";

export const CheckOptions: z.ZodType<Options> = z.object({
  format: z.enum(["text", "json"]),
  strict: z.boolean(),
  lang: z.enum(["en", "vi"]).optional(),
});
