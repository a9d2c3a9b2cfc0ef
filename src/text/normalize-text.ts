// Normalization shared by ingest and queries: NFKC, traditional→simplified, variant folding.
import * as OpenCC from 'opencc-js';

export type Normalize = (text: string) => string;

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** A normalizer folding width, traditional characters and the operator's variant spellings. */
export function createNormalizer({ variants }: { variants: Array<[string, string]> }): Normalize {
  return function normalize(text: string): string {
    let result = toSimplified(text.normalize('NFKC')).toLowerCase();
    for (const [variant, canonical] of variants) {
      if (result.includes(variant)) result = result.split(variant).join(canonical);
    }
    return result;
  };
}
