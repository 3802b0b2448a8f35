/**
 * Names as people type them in a spreadsheet heading: `Unit`, ` unit `, `Đơn vị`, `don vi` and
 * `DON_VI` are one name. Case, diacritics (đ included), outer spaces and runs of spaces or
 * underscores are ignored; anything else, hyphens and digits included, still tells names apart.
 */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
}
