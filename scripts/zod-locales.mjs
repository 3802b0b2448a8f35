// Stands in for zod's `locales` index in the CLI bundle: zod words its messages in English unless
// told otherwise, chitieu never tells it otherwise (it words Vietnamese itself), and the other
// forty-odd locales were a third of a megabyte for every start to parse.
export { default as en } from "../node_modules/zod/v4/locales/en.js";
