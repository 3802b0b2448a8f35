/** exceljs in the page (scripts/bundle-playground.mjs): workbooks are read by the chitieu command; the page refuses them before this. */
const refused = (): never => {
  throw new Error("workbooks are read by the chitieu command, not the playground");
};
export default { Workbook: refused };
