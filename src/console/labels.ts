// Chinese labels for values the API returns as codes.
export const authorityNames: Record<string, string> = { official: '官方', media: '媒体', aggregator: '聚合站', unknown: '未知' };

/** A claim value for people: yes/no for polarity topics, the value otherwise. */
export function valueLabel(value: string): string {
  return value === 'true' ? '是' : value === 'false' ? '否' : value;
}

/** How a retrieved passage or claim stands for the question's situation (the engine's verdicts). */
export const verdictNames: Record<string, string> = { applies: '适用', narrower: '仅适用特定情形', other_scope: '其他情形', condition_not_met: '条件不符', superseded: '已被取代' };
