/**
 * A national-scale workload for the BR-VT policy, generated from a seed: a registry of provincial
 * departments, districts and communes (each commune under a district), and a year of monthly
 * reports for every unit. Shared by bench/end-to-end.mjs and its smoke test.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "./generate.mjs";

export const POLICY = "policies/brvt-2139-2022.ct";
export const AS_OF = "2022-11-30";
const MONTHS = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`);

/** Writes units.csv and data.csv for `count` units into `dir`; returns their paths. */
export function generateNational(dir, count, seed = 766) {
  const next = mulberry32(seed);
  const int = (below) => Math.floor(next() * below);
  const departments = Math.min(30, count);
  const districts = Math.max(1, Math.floor((count - departments) / 40));
  const units = ["id,name,tier,parent"];
  const ids = [];
  for (let i = 0; i < count; i++) {
    if (i < departments) units.push(`so-${i},Sở ${i},province,`);
    else if (i < departments + districts) units.push(`huyen-${i},Huyện ${i},district,`);
    else units.push(`xa-${i},Xã ${i},commune,huyen-${departments + (i % districts)}`);
    ids.push(units.at(-1).split(",")[0]);
  }
  const data = ["unit,period,dossiers,online_dossiers,online_services,services_with_dossiers"];
  for (const id of ids) {
    const size = 20 + int(400);
    const services = 10 + int(120);
    let started = int(services / 2);
    for (const [m, period] of MONTHS.entries()) {
      // One report in a hundred is missing, so some units have no data for a month.
      if (int(100) === 0) continue;
      const dossiers = int(3) === 0 ? 0 : size + int(size);
      started = Math.min(services, started + int(Math.ceil(services / 8)));
      const online = Math.min(dossiers, Math.floor(dossiers * (0.15 + m * 0.05 + next() * 0.3)));
      data.push(`${id},${period},${dossiers},${online},${services},${started}`);
    }
  }
  const paths = { units: join(dir, `units-${count}.csv`), data: join(dir, `data-${count}.csv`) };
  writeFileSync(paths.units, `${units.join("\n")}\n`);
  writeFileSync(paths.data, `${data.join("\n")}\n`);
  return paths;
}
