import { expect, test } from "vitest";
import { effectivePeriodInOrder } from "../../../src/check/checks/header.js";
import type { PolicyFile } from "../../../src/syntax/ast.js";
import { reported, where } from "./run.js";

const header = (file: PolicyFile) => file.header;

test("an effective period that ends before it starts", () => {
  expect(where(reported(effectivePeriodInOrder, "policy p effective 2022-01-01 until 2021-12-31", header))).toEqual(["effective-period@1:10"]);
});

test.each(["policy p effective 2022-01-01 until 2022-01-01", "policy p effective 2022-01-01", "policy p"])("%s is in order", (text) => {
  expect(reported(effectivePeriodInOrder, text, header)).toEqual([]);
});
