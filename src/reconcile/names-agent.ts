// Whether a sentence says who acts ("未满16周岁的未成年人，由监护人代为申领"): what answers a who-question (pure).
import type { Language } from '../rules/compile-language.js';

/**
 * Whether one of the language's agent markers stands in the text. A 由 before a number opens a change ("由15个工作日
 * 压缩至7个工作日"), not an agent.
 */
export function namesAgent(text: string, { agentMarkers }: Pick<Language, 'agentMarkers'>): boolean {
  return agentMarkers.some((marker) => {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) if (!/^[\d一二三四五六七八九十两]/.test(text.slice(at + marker.length))) return true;
    return false;
  });
}
