// Print which of several Lighthouse JSON reports of one page is the median run (its 0-based index),
// chosen by Lighthouse's own computeMedianRun: the run closest to the median first contentful paint
// and time to interactive. Lighthouse's docs/variability.md recommends gating on such a median
// instead of a single run, whose score moves with the machine's load.
//
//   node tests/lighthouse/median-run.mjs run-1.json run-2.json run-3.json
import { readFileSync } from "node:fs";
import { computeMedianRun, filterToValidRuns } from "lighthouse/core/lib/median-run.js";

const runs = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, "utf8")));
const valid = filterToValidRuns(runs);
if (!valid.length) {
  console.error("LIGHTHOUSE002 no run measured first contentful paint and time to interactive");
  process.exit(1);
}
console.log(runs.indexOf(computeMedianRun(valid)));
