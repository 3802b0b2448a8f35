import fc from "fast-check";
import { expect, test } from "vitest";
import { columns, displayWidth } from "../../src/text/columns.js";

test("a cell's width on screen: Vietnamese letters one column each, decomposed or not; colour codes none; CJK two", () => {
  expect(displayWidth("Huyện Châu Đức")).toBe(14);
  expect(displayWidth("Huyện Châu Đức".normalize("NFD"))).toBe(14);
  expect(displayWidth("\u001b[32mmet\u001b[39m")).toBe(3);
  expect(displayWidth("中文")).toBe(4);
});

test("columns are padded to their widest cell, two spaces apart, each line indented and trimmed", () => {
  expect(columns(["unit", "status"], [["Xã Đá Bạc", "met"], ["x", "\u001b[31mmissed\u001b[39m"]])).toEqual([
    "  unit       status",
    "  Xã Đá Bạc  met",
    "  x          \u001b[31mmissed\u001b[39m",
  ]);
});

test("every cell starts where its column starts, on every line", () => {
  const cell = fc.stringMatching(/^[a-zA-Zàáạảãâầấậẩẫăằắặẳẵđ]{1,12}$/);
  fc.assert(
    fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }), (rows) => {
      const head = ["a", "b", "c"];
      const lines = columns(head, rows);
      const widths = head.map((_, j) => Math.max(...[head, ...rows].map((r) => [...r[j]!].length)));
      [head, ...rows].forEach((row, i) => {
        const chars = [...lines[i]!];
        row.forEach((text, j) => {
          const start = 2 + widths.slice(0, j).reduce((a, b) => a + b + 2, 0);
          expect(chars.slice(start, start + [...text].length).join("")).toBe(text);
        });
      });
    }),
  );
});
