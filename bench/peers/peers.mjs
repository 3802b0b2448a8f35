// The peers, in the order check.mjs reports them. Each has a name and setup(targets) -> { judge(records) }.

import * as celJs from "./cel-js.mjs";
import * as jsonRulesEngine from "./json-rules-engine.mjs";
import * as zenEngine from "./zen-engine.mjs";

/** @param {{ inFlight?: number }} [options] */
export function peers({ inFlight = 1000 } = {}) {
  return [
    { name: celJs.name, setup: celJs.setup },
    zenEngine.sequential,
    zenEngine.batched(inFlight),
    { name: jsonRulesEngine.name, setup: jsonRulesEngine.setup },
    jsonRulesEngine.perTarget,
  ];
}
