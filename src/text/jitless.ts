/**
 * zod compiles fast validators with `new Function` unless told not to. Policies, data and requests
 * are untrusted, and a service may run with code generation from strings disallowed: chitieu's
 * schemas are interpreted. Imported, for its effect, by every module that defines schemas.
 */
import { z } from "zod";

z.config({ jitless: true });
