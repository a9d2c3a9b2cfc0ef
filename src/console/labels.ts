// Chinese labels for values the API returns as codes.
export const authorityNames: Record<string, string> = { official: '官方', media: '媒体', aggregator: '聚合站', unknown: '未知' };

/** A claim value for people: yes/no for polarity topics, the value otherwise. */
export function valueLabel(value: string): string {
  return value === 'true' ? '是' : value === 'false' ? '否' : value;
}
