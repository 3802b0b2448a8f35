import fc from "fast-check";
import { expect, test } from "vitest";
import { locator, positionAt } from "../../src/text/span.js";

test("a locator gives every offset the position positionAt gives, surrogate pairs and all", () => {
  const piece = fc.constantFrom("a", "\n", "ệ", "😀", " ", "\r\n", "\t");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }), (pieces, offsets) => {
      const text = pieces.join("");
      const at = locator(text);
      for (const offset of [...offsets, 0, text.length]) expect(at(offset)).toEqual(positionAt(text, offset));
    }),
  );
});
