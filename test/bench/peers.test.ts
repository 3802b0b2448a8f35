/** The peer engines of bench/peers agree with the hand-written loop on met and needed. */
import { afterAll, describe, expect, test } from "vitest";

type Judgement = { met: Uint8Array; needed: Float64Array };
type Target = { id: string; op: string; milestones: { month: number; t: number }[] };
type Record = { target: string; month: number; numerator: number; denominator: number };
type Peer = { name: string; setup(targets: Target[]): Promise<{ judge(records: Record[]): Promise<Judgement>; dispose?(): void }> };

// A specifier the compiler cannot follow: bench/ is plain JavaScript without declarations.
const load = (file: string) => import(new URL(`../../bench/peers/${file}`, import.meta.url).href);
const { generateRecords, judgeByLoop, sampleTargets, thresholdAt, verdict } = await load("records.mjs");
const { peers } = (await load("peers.mjs")) as { peers: () => Peer[] };

const targets: Target[] = sampleTargets();
// json-rules-engine with all rules in one engine does about a hundred records a second.
const records: Record[] = generateRecords(targets, 300, 20240101);
const reference: Judgement = judgeByLoop(targets, records);

describe("the reference loop", () => {
  test.each([
    // op, t (tenths of a percent), numerator, denominator, met, needed
    [">=", 495, 49, 100, false, 1], // 49% vs 49.5%: one more case makes 50%
    [">=", 495, 99, 200, true, 0], // exactly on the threshold
    [">", 500, 50, 100, false, 1], // on the threshold is not above it
    [">", 1000, 9, 10, false, null], // above 100% cannot be reached
    ["<=", 100, 11, 100, false, 1], // 11% vs 10%: one case fewer
    ["<=", 100, 10, 100, true, 0],
    ["<", 50, 5, 100, false, 1], // on the threshold is not below it
    ["<", 0, 3, 10, false, null], // below 0% cannot be reached
  ])("%s %i: %i/%i", (op, t, num, den, met, needed) => {
    expect(verdict(op, t, num, den)).toEqual([met, needed]);
  });

  test("the generated records cover the four comparisons, the threshold itself and null needed", () => {
    const byId = new Map(targets.map((t) => [t.id, t]));
    const ops = new Set(records.map((r) => byId.get(r.target)!.op));
    expect([...ops].sort()).toEqual(["<", "<=", ">", ">="]);
    expect(records.some((r) => r.numerator * 1000 === thresholdAt(byId.get(r.target)!, r.month) * r.denominator)).toBe(true);
    expect(reference.needed.some(Number.isNaN)).toBe(true);
    expect(reference.met.includes(0) && reference.met.includes(1)).toBe(true);
  });
});

describe("each peer agrees with the loop", () => {
  const disposers: (() => void)[] = [];
  afterAll(() => disposers.forEach((d) => d()));

  test.each(peers().map((p) => [p.name, p] as const))("%s", async (_name, peer) => {
    const engine = await peer.setup(targets);
    if (engine.dispose) disposers.push(() => engine.dispose!());
    const got = await engine.judge(records);
    const show = (j: Judgement, i: number) => `${j.met[i]} ${Number.isNaN(j.needed[i]) ? "null" : j.needed[i]}`;
    const wrong = records.flatMap((r, i) => (show(got, i) === show(reference, i) ? [] : [`${JSON.stringify(r)}: got ${show(got, i)}, loop ${show(reference, i)}`]));
    expect(wrong).toEqual([]);
  });
});
