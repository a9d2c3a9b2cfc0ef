// A structural check of an hnswlib index file, run before hnswlib reads it: hnswlib trusts every offset, id and level
// in the file, so a damaged file would crash the process (segfault) at load or at the first search instead of failing.
// The layout is hnswlib 0.8's saveIndex (the version hnswlib-node 3 bundles).

export type HnswFileCheck = { valid: true; elements: number; deleted: number } | { valid: false; reason: string };

/** offsetLevel0, maxElements, count, sizePerElement, labelOffset, offsetData (8 bytes each), maxLevel, entryPoint (4 each), maxM, maxM0, M, mult, efConstruction (8 each). */
export const hnswHeaderBytes = 96;
const maxPlausibleLevel = 64;
const deleteMark = 0x01;

/**
 * Checks that every offset, link and level of an hnswlib file is consistent with its header and its own size, that its
 * vectors have `dimensions` numbers, all finite, and that the labels not marked deleted are exactly `labels`.
 */
export function checkHnswFile({ bytes, dimensions, labels }: { bytes: Uint8Array; dimensions: number; labels: readonly number[] }): HnswFileCheck {
  const invalid = (reason: string): HnswFileCheck => ({ valid: false, reason });
  if (bytes.byteLength < hnswHeaderBytes) return invalid(`the file has ${bytes.byteLength} bytes, fewer than the ${hnswHeaderBytes}-byte header (truncated)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (offset: number) => {
    const value = view.getBigUint64(offset, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(value);
  };
  const [offsetLevel0, maxElements, count, sizePerElement, labelOffset, offsetData] = [0, 8, 16, 24, 32, 40].map(size);
  const maxLevel = view.getInt32(48, true);
  const entryPoint = view.getUint32(52, true);
  const [maxM, maxM0, m] = [56, 64, 72].map(size);

  if (offsetLevel0 !== 0) return invalid(`the header's level-0 offset is ${offsetLevel0}, not 0`);
  if (!(m >= 1 && m <= 10_000 && maxM === m && maxM0 === 2 * m)) return invalid(`the header's link counts (M ${m}, maxM ${maxM}, maxM0 ${maxM0}) are not those hnswlib writes`);
  const linksLevel0 = maxM0 * 4 + 4;
  const linksUpper = maxM * 4 + 4;
  if (offsetData !== linksLevel0 || sizePerElement !== labelOffset + 8) return invalid(`the header's element layout (data at ${offsetData}, ${sizePerElement} bytes per element) does not match its link counts`);
  if (labelOffset - offsetData !== dimensions * 4) return invalid(`the vectors have ${(labelOffset - offsetData) / 4} dimensions, the manifest says ${dimensions}`);
  if (!(count <= maxElements && maxElements <= count * 4 + 1024)) return invalid(`the header's element count ${count} and capacity ${maxElements} are implausible`);
  const level0End = hnswHeaderBytes + count * sizePerElement;
  if (level0End > bytes.byteLength) return invalid(`the file ends after ${bytes.byteLength} bytes, inside the ${count} elements' level-0 data (truncated)`);

  // Upper-level link lists follow the level-0 block, one length-prefixed list per element.
  const levels = new Int32Array(count);
  const upperOffsets = new Float64Array(count);
  let position = level0End;
  for (let element = 0; element < count; element++) {
    if (position + 4 > bytes.byteLength) return invalid(`the file ends at element ${element}'s upper links (truncated)`);
    const listBytes = view.getUint32(position, true);
    position += 4;
    if (listBytes % linksUpper !== 0) return invalid(`element ${element}'s upper links take ${listBytes} bytes, not a multiple of ${linksUpper}`);
    levels[element] = listBytes / linksUpper;
    if (levels[element] > maxPlausibleLevel) return invalid(`element ${element} has ${levels[element]} levels`);
    upperOffsets[element] = position;
    position += listBytes;
    if (position > bytes.byteLength) return invalid(`the file ends inside element ${element}'s upper links (truncated)`);
  }
  if (position !== bytes.byteLength) return invalid(`the file has ${bytes.byteLength - position} bytes after the last element`);

  if (count === 0) return labels.length === 0 ? { valid: true, elements: 0, deleted: 0 } : invalid(`the file has no vectors, the index expects ${labels.length}`);
  if (maxLevel < 0 || maxLevel > maxPlausibleLevel) return invalid(`the header's top level ${maxLevel} is out of range`);
  if (entryPoint >= count) return invalid(`the entry point ${entryPoint} is not one of the ${count} elements`);
  if (levels[entryPoint] !== maxLevel) return invalid(`the entry point ${entryPoint} has ${levels[entryPoint]} levels, the header's top level is ${maxLevel}`);

  const expected = new Set(labels);
  if (expected.size !== labels.length) return invalid('the index lists a vector label twice');
  const seen = new Set<number>();
  const deleted = new Set<number>();
  for (let element = 0; element < count; element++) {
    const base = hnswHeaderBytes + element * sizePerElement;
    const flags = view.getUint8(base + 2);
    if (flags > deleteMark || view.getUint8(base + 3) !== 0) return invalid(`element ${element}'s flags are damaged`);
    const linkProblem = checkLinks({ view, start: base, capacity: maxM0, level: 0, element, count, levels });
    if (linkProblem) return invalid(linkProblem);
    for (let level = 1; level <= levels[element]; level++) {
      const start = upperOffsets[element] + (level - 1) * linksUpper;
      if (view.getUint16(start + 2, true) !== 0) return invalid(`element ${element}'s link count at level ${level} is damaged`);
      const problem = checkLinks({ view, start, capacity: maxM, level, element, count, levels });
      if (problem) return invalid(problem);
    }
    for (let offset = base + offsetData; offset < base + labelOffset; offset += 4) {
      if (!Number.isFinite(view.getFloat32(offset, true))) return invalid(`element ${element}'s vector holds a number that is not finite`);
    }
    const label = size(base + labelOffset);
    if (Number.isNaN(label) || seen.has(label)) return invalid(`element ${element}'s label is damaged or repeated`);
    seen.add(label);
    if (flags & deleteMark) deleted.add(label);
    else if (!expected.has(label)) return invalid(`label ${label} is live in the file but belongs to no chunk`);
  }
  for (const label of labels) {
    if (!seen.has(label)) return invalid(`chunk label ${label} has no vector`);
    if (deleted.has(label)) return invalid(`chunk label ${label}'s vector is marked deleted`);
  }
  return { valid: true, elements: count, deleted: deleted.size };
}

/** One link list: its length within capacity, every neighbor an element that reaches the list's level. */
function checkLinks({ view, start, capacity, level, element, count, levels }: {
  view: DataView;
  start: number;
  capacity: number;
  level: number;
  element: number;
  count: number;
  levels: Int32Array;
}): string | null {
  const links = view.getUint16(start, true);
  if (links > capacity) return `element ${element} has ${links} links at level ${level}, more than the ${capacity} allowed`;
  for (let position = 0; position < links; position++) {
    const neighbor = view.getUint32(start + 4 + position * 4, true);
    if (neighbor >= count) return `element ${element} links at level ${level} to element ${neighbor}, but there are ${count} elements`;
    if (levels[neighbor] < level) return `element ${element} links at level ${level} to element ${neighbor}, which only reaches level ${levels[neighbor]}`;
  }
  return null;
}
