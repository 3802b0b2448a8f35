// Example data for policy brvt-2139-2022 (Bà Rịa - Vũng Tàu, Quyết định 2139/QĐ-UBND, 2022).
//
// Writes units.csv, data.csv and CASES.md next to this file:
//   node examples/brvt-2022/generate.mjs
// No dependencies; a seeded PRNG (mulberry32, SEED below), so two runs give byte-identical files.
// The counts are invented, but sized like a real province: 20 provincial agencies, the 8
// districts of 2022 and 82 communes/wards with their real names, months 2022-08 .. 2022-11.
//
// Targets (policies/brvt-2139-2022.ct), evaluated on the monthly figures:
//   service_usage = services_with_dossiers / online_services   >= 50% / 65% / 80%   (all tiers)
//   online_share  = online_dossiers / dossiers                  >= 30% / 45% / 60%   (province)
//                                                               >= 20% / 35% / 50%   (district, commune)
//   on 2022-09-30 / 2022-10-31 / 2022-11-30; unit thanh-tra-tinh is excluded.
//
// DELIBERATE CASES (also listed in CASES.md; everything else is random and, at the three
// milestones, never exactly on a threshold):
//
// Exactly on a threshold (">=" passes; compare exactly):
//   chau-duc-binh-ba                        2022-10  online_share    49/140    = 35%  (commune)
//   so-y-te                                 2022-10  online_share    603/1340  = 45%  (province; 0.30 + 0.15 = 0.44999999999999996 in floating point)
//   so-nong-nghiep-va-phat-trien-nong-thon  2022-10  service_usage   78/120    = 65%  (province)
//   xuyen-moc                               2022-11  service_usage   192/240   = 80%  (district)
//   long-dien                               2022-11  online_share    1509/3018 = 50%  (district)
//   so-ke-hoach-va-dau-tu                   2022-09  online_share    780/2600  = 30%  (province)
//   ba-ria-kim-dinh                         2022-09  online_share    38/190    = 20%  (commune)
//   dat-do-loc-an                           2022-09  service_usage   21/42     = 50%  (commune)
//
// Gaps (smallest whole number to add to the numerator at the same denominator):
//   vung-tau-phuong-9                       2022-10  online_share    48/140    34.29% < 35%, +1 dossier
//   so-tai-nguyen-va-moi-truong             2022-11  online_share    1107/1850 59.84% < 60%, +3 dossiers
//   so-xay-dung                             2022-11  service_usage   55/70     78.57% < 80%, +1 service
//   xuyen-moc-bung-rieng                    2022-11  online_share    14/160     8.75% < 50%, +66 dossiers
//   chau-duc                                2022-11  online_share    936/3900  24.00% < 50%, +1014 dossiers
//   so-van-hoa-va-the-thao                  2022-11  service_usage   50/120    41.67% < 80%, +46 services
//
// Missing month:     xuyen-moc-hoa-hoi  has no 2022-11 row at all.
// Zero denominator:  chau-duc-suoi-rao  2022-10  dossiers = 0, online_dossiers = 0 (online_share has no value;
//                    a small commune, about ten dossiers a month; online_services > 0 that month,
//                    so service_usage still has one).
// Excluded unit:     thanh-tra-tinh reports like the others and would miss both targets in 2022-11
//                    (online_share 55/132, service_usage 14/22), so including it by mistake shows.
//
// Every row keeps online_dossiers <= dossiers and services_with_dossiers <= online_services (the
// policy's checks); services_with_dossiers is cumulative for the year, so it never decreases.

import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SEED = 2139_2022;
const HERE = dirname(fileURLToPath(import.meta.url));
const MONTHS = ["2022-08", "2022-09", "2022-10", "2022-11"];

// ---------------------------------------------------------------------------------------------
// PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const uniform = (lo, hi) => lo + (hi - lo) * random();
const integer = (lo, hi) => Math.floor(uniform(lo, hi + 1));

// ---------------------------------------------------------------------------------------------
// Units

/** ASCII kebab-case from a Vietnamese name. */
function slug(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// [id, name, monthly dossiers (base), online services (base)]
const PROVINCE = [
  ["so-noi-vu", "Sở Nội vụ", 260, 95],
  ["so-tu-phap", "Sở Tư pháp", 3200, 130],
  ["so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", 2600, 150],
  ["so-tai-chinh", "Sở Tài chính", 310, 60],
  ["so-cong-thuong", "Sở Công Thương", 1400, 140],
  ["so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", 460, 120],
  ["so-giao-thong-van-tai", "Sở Giao thông vận tải", 5200, 150],
  ["so-xay-dung", "Sở Xây dựng", 380, 70],
  ["so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường", 1850, 110],
  ["so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", 160, 55],
  ["so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội", 1100, 140],
  ["so-van-hoa-va-the-thao", "Sở Văn hóa và Thể thao", 220, 120],
  ["so-du-lich", "Sở Du lịch", 260, 50],
  ["so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", 180, 60],
  ["so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", 900, 90],
  ["so-y-te", "Sở Y tế", 1340, 170],
  ["ban-quan-ly-cac-khu-cong-nghiep", "Ban Quản lý các khu công nghiệp", 700, 85],
  ["ban-dan-toc", "Ban Dân tộc", 45, 12],
  ["so-ngoai-vu", "Sở Ngoại vụ", 110, 24],
  ["thanh-tra-tinh", "Thanh tra tỉnh", 130, 22],
];

// [id, name, dossiers, services, coastal?, communes as [kind, name, tags]]
// kind: P = phường, X = xã, T = thị trấn. Real 2022 wards, communes and towns of each district
// (Vũng Tàu had no Phường 6 by then; Côn Đảo is a district without communes).
const DISTRICTS = [
  ["tp-vung-tau", "Thành phố Vũng Tàu", 9500, 260, true, [
    ["P", "1", "coastal"], ["P", "2", "coastal"], ["P", "3", ""], ["P", "4", ""], ["P", "5", "coastal"],
    ["P", "7", ""], ["P", "8", ""], ["P", "9", ""], ["P", "10", "coastal"], ["P", "11", "coastal"],
    ["P", "12", "coastal"], ["P", "Thắng Nhất", ""], ["P", "Thắng Nhì", ""], ["P", "Thắng Tam", "coastal"],
    ["P", "Nguyễn An Ninh", ""], ["P", "Rạch Dừa", ""], ["X", "Long Sơn", "coastal;island"],
  ]],
  ["tp-ba-ria", "Thành phố Bà Rịa", 4200, 235, false, [
    ["P", "Phước Hưng", ""], ["P", "Phước Hiệp", ""], ["P", "Phước Nguyên", ""], ["P", "Long Toàn", ""],
    ["P", "Long Tâm", ""], ["P", "Phước Trung", ""], ["P", "Long Hương", ""], ["P", "Kim Dinh", ""],
    ["X", "Tân Hưng", ""], ["X", "Long Phước", ""], ["X", "Hòa Long", ""],
  ]],
  ["tx-phu-my", "Thị xã Phú Mỹ", 5200, 240, false, [
    ["P", "Phú Mỹ", ""], ["P", "Tân Phước", ""], ["P", "Mỹ Xuân", ""], ["P", "Hắc Dịch", ""],
    ["P", "Phước Hòa", ""], ["X", "Tân Hòa", ""], ["X", "Tân Hải", ""], ["X", "Sông Xoài", ""],
    ["X", "Châu Pha", ""], ["X", "Tóc Tiên", ""],
  ]],
  ["chau-duc", "Huyện Châu Đức", 3900, 225, false, [
    ["T", "Ngãi Giao", ""], ["X", "Bàu Chinh", ""], ["X", "Bình Ba", ""], ["X", "Bình Giã", ""],
    ["X", "Bình Trung", ""], ["X", "Cù Bị", ""], ["X", "Đá Bạc", ""], ["X", "Kim Long", ""],
    ["X", "Láng Lớn", ""], ["X", "Nghĩa Thành", ""], ["X", "Quảng Thành", ""], ["X", "Sơn Bình", ""],
    ["X", "Suối Nghệ", ""], ["X", "Suối Rao", ""], ["X", "Xà Bang", ""], ["X", "Xuân Sơn", ""],
  ]],
  ["xuyen-moc", "Huyện Xuyên Mộc", 3300, 240, true, [
    ["T", "Phước Bửu", ""], ["X", "Bàu Lâm", ""], ["X", "Bình Châu", "coastal"], ["X", "Bông Trang", ""],
    ["X", "Bưng Riềng", ""], ["X", "Hòa Bình", ""], ["X", "Hòa Hiệp", ""], ["X", "Hòa Hội", ""],
    ["X", "Hòa Hưng", ""], ["X", "Phước Tân", ""], ["X", "Phước Thuận", "coastal"], ["X", "Tân Lâm", ""],
    ["X", "Xuyên Mộc", ""],
  ]],
  ["long-dien", "Huyện Long Điền", 3000, 220, true, [
    ["T", "Long Điền", ""], ["T", "Long Hải", "coastal"], ["X", "An Ngãi", ""], ["X", "An Nhứt", ""],
    ["X", "Phước Hưng", "coastal"], ["X", "Phước Tỉnh", "coastal"], ["X", "Tam An", "coastal"],
  ]],
  ["dat-do", "Huyện Đất Đỏ", 2100, 215, true, [
    ["T", "Đất Đỏ", ""], ["T", "Phước Hải", "coastal"], ["X", "Láng Dài", ""], ["X", "Lộc An", "coastal"],
    ["X", "Long Mỹ", ""], ["X", "Long Tân", ""], ["X", "Phước Hội", "coastal"], ["X", "Phước Long Thọ", ""],
  ]],
  ["con-dao", "Huyện Côn Đảo", 650, 190, true, []],
];

const KIND = { P: "Phường", X: "Xã", T: "Thị trấn" };

// District id without its "tp-"/"tx-" prefix, used to prefix commune ids (names repeat:
// Phước Hưng is a ward of Bà Rịa and a commune of Long Điền).
const prefixOf = (districtId) => districtId.replace(/^(tp|tx)-/, "");

function buildUnits() {
  const units = [];
  for (const [id, name, dossiers, services] of PROVINCE) {
    units.push({ id, name, tier: "province", parent: "", tags: "", dossiers, services });
  }
  for (const [id, name, dossiers, services, coastal] of DISTRICTS) {
    const tags = id === "con-dao" ? "coastal;island" : coastal ? "coastal" : "";
    units.push({ id, name, tier: "district", parent: "", tags, dossiers, services });
  }
  for (const [districtId, , , , , communes] of DISTRICTS) {
    for (const [kind, name, tags] of communes) {
      const numbered = /^\d+$/.test(name);
      const id = `${prefixOf(districtId)}-${numbered ? `phuong-${name}` : slug(name)}`;
      // Wards of the two cities are busier than rural communes.
      const urban = kind === "P" && (districtId === "tp-vung-tau" || districtId === "tp-ba-ria");
      const dossiers = urban ? integer(140, 420) : kind === "X" ? integer(30, 190) : integer(90, 300);
      const services = kind === "X" ? integer(24, 48) : integer(38, 60);
      units.push({ id, name: `${KIND[kind]} ${name}`, tier: "commune", parent: districtId, tags, dossiers, services });
    }
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Targets (in percent; month index 0 = 2022-08, before the first milestone)

const USAGE = [38, 50, 65, 80];
const SHARE = { province: [18, 30, 45, 60], district: [8, 20, 35, 50], commune: [8, 20, 35, 50] };
const isMilestone = (m) => m >= 1;

// ---------------------------------------------------------------------------------------------
// Deliberate cases: pinned cells, overriding whatever was drawn.
// kind "exact" | "gap"; metric "online_share" | "service_usage"; num/den are the pinned counts.

const CASES = [
  { unit: "chau-duc-binh-ba", month: "2022-10", metric: "online_share", num: 49, den: 140, kind: "exact", why: "commune exactly on 35% (20% + 15 points)" },
  { unit: "so-y-te", month: "2022-10", metric: "online_share", num: 603, den: 1340, kind: "exact", why: "province exactly on 45%; 0.30 + 0.15 = 0.44999999999999996 in floating point, so `>` would wrongly pass" },
  { unit: "so-nong-nghiep-va-phat-trien-nong-thon", month: "2022-10", metric: "service_usage", num: 78, den: 120, kind: "exact", why: "province exactly on 65%" },
  { unit: "xuyen-moc", month: "2022-11", metric: "service_usage", num: 192, den: 240, kind: "exact", why: "district exactly on 80% (deadline)" },
  { unit: "long-dien", month: "2022-11", metric: "online_share", num: 1509, den: 3018, kind: "exact", why: "district exactly on 50% (deadline)" },
  { unit: "so-ke-hoach-va-dau-tu", month: "2022-09", metric: "online_share", num: 780, den: 2600, kind: "exact", why: "province exactly on 30% (first milestone)" },
  { unit: "ba-ria-kim-dinh", month: "2022-09", metric: "online_share", num: 38, den: 190, kind: "exact", why: "commune exactly on 20% (first milestone)" },
  { unit: "dat-do-loc-an", month: "2022-09", metric: "service_usage", num: 21, den: 42, kind: "exact", why: "commune exactly on 50% (first milestone)" },
  { unit: "vung-tau-phuong-9", month: "2022-10", metric: "online_share", num: 48, den: 140, kind: "gap", why: "misses 35% by one dossier (49 needed)" },
  { unit: "so-tai-nguyen-va-moi-truong", month: "2022-11", metric: "online_share", num: 1107, den: 1850, kind: "gap", why: "misses 60% by 3 dossiers (1110 needed)" },
  { unit: "so-xay-dung", month: "2022-11", metric: "service_usage", num: 55, den: 70, kind: "gap", why: "misses 80% by one service (56 needed)" },
  { unit: "xuyen-moc-bung-rieng", month: "2022-11", metric: "online_share", num: 14, den: 160, kind: "gap", why: "misses 50% badly: 66 dossiers (80 needed)" },
  { unit: "chau-duc", month: "2022-11", metric: "online_share", num: 936, den: 3900, kind: "gap", why: "district misses 50% badly: 1014 dossiers (1950 needed)" },
  { unit: "so-van-hoa-va-the-thao", month: "2022-11", metric: "service_usage", num: 50, den: 120, kind: "gap", why: "misses 80% badly: 46 services (96 needed)" },
];
const MISSING = { unit: "xuyen-moc-hoa-hoi", month: "2022-11" };
// A small commune (about ten dossiers a month) that received none in October.
const ZERO = { unit: "chau-duc-suoi-rao", month: "2022-10", usualDossiers: 10 };
const EXCLUDED = { unit: "thanh-tra-tinh", month: "2022-11", share: { num: 55, den: 132 }, usage: { num: 14, den: 22 } };

// How each unit performs against the ramp, per metric: an offset in points from the threshold.
// Units with a pinned gap get the profile that fits it, so their other months tell the same story.
const PROFILE_OVERRIDES = {
  "vung-tau-phuong-9": { online_share: "close" },
  "so-tai-nguyen-va-moi-truong": { online_share: "close" },
  "so-xay-dung": { service_usage: "close" },
  "xuyen-moc-bung-rieng": { online_share: "weak" },
  "chau-duc": { online_share: "weak" },
  "so-van-hoa-va-the-thao": { service_usage: "weak" },
  "thanh-tra-tinh": { online_share: "weak", service_usage: "weak" },
  "chau-duc-binh-ba": { online_share: "close" },
  "so-y-te": { online_share: "close" },
  "so-nong-nghiep-va-phat-trien-nong-thon": { service_usage: "close" },
  "xuyen-moc": { service_usage: "close" },
  "long-dien": { online_share: "close" },
};

function drawProfile() {
  const r = random();
  if (r < 0.62) return "strong";
  if (r < 0.86) return "close";
  return "weak";
}

function offsetFor(profile) {
  switch (profile) {
    case "strong":
      return uniform(2, 16);
    case "close":
      return uniform(-4, 2);
    case "weak":
      return uniform(-26, -10);
  }
  throw new Error(profile);
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Data

const SEASON = [0.95, 1.0, 1.06, 1.03];

function drawRows(unit) {
  const profiles = {
    online_share: PROFILE_OVERRIDES[unit.id]?.online_share ?? drawProfile(),
    service_usage: PROFILE_OVERRIDES[unit.id]?.service_usage ?? drawProfile(),
  };
  const shareOffset = offsetFor(profiles.online_share);
  const usageOffset = offsetFor(profiles.service_usage);
  const rows = [];
  let services = unit.services;
  let used = 0;
  for (let m = 0; m < MONTHS.length; m++) {
    const dossiers = Math.max(0, Math.round(unit.dossiers * SEASON[m] * uniform(0.9, 1.1)));
    // Even the weakest units take a few dossiers online.
    const floor = uniform(1.5, 5);
    const share = clamp(SHARE[unit.tier][m] + shareOffset + uniform(-2.5, 2.5), floor, 96) / 100;
    const online = clamp(Math.round(dossiers * share), 0, dossiers);
    // New online services are added now and then; the cumulative count of services used never drops.
    if (m > 0 && random() < 0.3) services += integer(1, Math.max(1, Math.round(unit.services * 0.04)));
    const usage = clamp(USAGE[m] + usageOffset + uniform(-2.5, 2.5), 3, 98) / 100;
    used = clamp(Math.max(used, Math.round(services * usage)), 0, services);
    rows.push({ unit: unit.id, period: MONTHS[m], dossiers, online_dossiers: online, online_services: services, services_with_dossiers: used });
  }
  return rows;
}

/** Pins a metric's counts in one month, keeping the year's services cumulative and consistent. */
function pin(rows, month, metric, num, den) {
  const m = MONTHS.indexOf(month);
  const row = rows[m];
  if (metric === "online_share") {
    row.dossiers = den;
    row.online_dossiers = num;
    return;
  }
  row.online_services = den;
  row.services_with_dossiers = num;
  for (let k = 0; k < m; k++) {
    rows[k].online_services = Math.min(rows[k].online_services, den);
    rows[k].services_with_dossiers = Math.min(rows[k].services_with_dossiers, num, rows[k].online_services);
  }
  for (let k = m + 1; k < rows.length; k++) {
    rows[k].online_services = Math.max(rows[k].online_services, den);
    rows[k].services_with_dossiers = clamp(Math.max(rows[k].services_with_dossiers, num), 0, rows[k].online_services);
  }
}

const THRESHOLD = (tier, metric, m) => (metric === "service_usage" ? USAGE[m] : SHARE[tier][m]);
const onThreshold = (num, den, percent) => den > 0 && num * 100 === den * percent;

/** Moves random cells off the thresholds, so the only exact cases are the deliberate ones. */
function avoidTies(unit, rows, pinned) {
  for (let m = 0; m < rows.length; m++) {
    if (!isMilestone(m)) continue;
    const row = rows[m];
    if (!pinned.has(`${m}:online_share`) && onThreshold(row.online_dossiers, row.dossiers, THRESHOLD(unit.tier, "online_share", m))) {
      row.online_dossiers += row.online_dossiers < row.dossiers ? 1 : -1;
    }
    if (!pinned.has(`${m}:service_usage`) && onThreshold(row.services_with_dossiers, row.online_services, THRESHOLD(unit.tier, "service_usage", m))) {
      // One more used service if the cumulative count allows it, else one fewer.
      const next = rows[m + 1]?.services_with_dossiers ?? Infinity;
      const previous = rows[m - 1]?.services_with_dossiers ?? 0;
      if (row.services_with_dossiers + 1 <= Math.min(row.online_services, next)) row.services_with_dossiers += 1;
      else if (row.services_with_dossiers - 1 >= previous) row.services_with_dossiers -= 1;
      else throw new Error(`cannot move ${unit.id} ${MONTHS[m]} off the service_usage threshold`);
    }
  }
}

function buildData(units) {
  const all = [];
  for (const unit of units) {
    // Size the unit after its pinned month, so the pinned counts look like its other months.
    for (const c of CASES.filter((c) => c.unit === unit.id)) {
      if (c.metric === "online_share") unit.dossiers = Math.round(c.den / SEASON[MONTHS.indexOf(c.month)]);
      else unit.services = c.den;
    }
    if (unit.id === ZERO.unit) unit.dossiers = ZERO.usualDossiers;
    const rows = drawRows(unit);
    const pinned = new Set();
    for (const c of CASES.filter((c) => c.unit === unit.id)) {
      pin(rows, c.month, c.metric, c.num, c.den);
      pinned.add(`${MONTHS.indexOf(c.month)}:${c.metric}`);
    }
    if (unit.id === ZERO.unit) {
      const m = MONTHS.indexOf(ZERO.month);
      rows[m].dossiers = 0;
      rows[m].online_dossiers = 0;
      pinned.add(`${m}:online_share`);
    }
    if (unit.id === EXCLUDED.unit) {
      const m = MONTHS.indexOf(EXCLUDED.month);
      pin(rows, EXCLUDED.month, "online_share", EXCLUDED.share.num, EXCLUDED.share.den);
      pin(rows, EXCLUDED.month, "service_usage", EXCLUDED.usage.num, EXCLUDED.usage.den);
      pinned.add(`${m}:online_share`).add(`${m}:service_usage`);
    }
    avoidTies(unit, rows, pinned);
    for (const row of rows) {
      if (unit.id === MISSING.unit && row.period === MISSING.month) continue;
      all.push(row);
    }
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Output

function csvCell(value) {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (header, rows) => [header, ...rows.map((row) => header.map((h) => csvCell(row[h] ?? "")))].map((r) => r.join(",")).join("\n") + "\n";

function percent(num, den) {
  // Half up to 2 decimals, from integers.
  const hundredths = Math.floor((num * 10000 * 2 + den) / (2 * den));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}%`;
}

function casesMarkdown(units) {
  const tierOf = new Map(units.map((u) => [u.id, u.tier]));
  const lines = [
    "# Deliberate cases in data.csv",
    "",
    "Written by `generate.mjs` (do not edit by hand). Policy `brvt-2139-2022`; milestones 2022-09-30,",
    "2022-10-31, 2022-11-30 are evaluated on the month's row. Apart from these rows, no unit is",
    "exactly on a threshold at a milestone.",
    "",
    "| unit | tier | month | metric | numerator/denominator | rate | threshold | why |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const c of CASES) {
    const tier = tierOf.get(c.unit);
    const t = THRESHOLD(tier, c.metric, MONTHS.indexOf(c.month));
    lines.push(`| \`${c.unit}\` | ${tier} | ${c.month} | ${c.metric} | ${c.num}/${c.den} | ${percent(c.num, c.den)} | >= ${t}% | ${c.kind}: ${c.why} |`);
  }
  lines.push(
    `| \`${ZERO.unit}\` | commune | ${ZERO.month} | online_share | 0/0 | none | >= 35% | zero denominator: no dossiers that month (online_services > 0, so service_usage still has a value) |`,
    `| \`${MISSING.unit}\` | commune | ${MISSING.month} | both | no row | none | | missing month: the unit sent nothing for ${MISSING.month} |`,
    `| \`${EXCLUDED.unit}\` | province | ${EXCLUDED.month} | online_share | ${EXCLUDED.share.num}/${EXCLUDED.share.den} | ${percent(EXCLUDED.share.num, EXCLUDED.share.den)} | (60%) | excluded unit: would miss if it were not excluded |`,
    `| \`${EXCLUDED.unit}\` | province | ${EXCLUDED.month} | service_usage | ${EXCLUDED.usage.num}/${EXCLUDED.usage.den} | ${percent(EXCLUDED.usage.num, EXCLUDED.usage.den)} | (80%) | excluded unit: would miss if it were not excluded |`,
    "",
    "Gaps are the smallest whole number of dossiers (or services) to add to the numerator, at the same",
    "denominator, to meet the threshold: ceil(threshold x denominator) - numerator.",
    "",
  );
  return lines.join("\n");
}

const units = buildUnits();
const data = buildData(units);
const unitRows = units.map((u) => ({ ...u, name: u.name.normalize("NFC"), valid_from: "", valid_to: "" }));
writeFileSync(join(HERE, "units.csv"), csv(["id", "name", "tier", "parent", "tags", "valid_from", "valid_to"], unitRows));
writeFileSync(join(HERE, "data.csv"), csv(["unit", "period", "dossiers", "online_dossiers", "online_services", "services_with_dossiers"], data));
writeFileSync(join(HERE, "CASES.md"), casesMarkdown(units));
console.log(`wrote ${units.length} units and ${data.length} rows to ${HERE}`);
