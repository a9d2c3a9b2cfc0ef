// Chinese names of the resolution rules and rejection reasons, shared by the widget and the operator console.

export const ruleNames: Record<string, string> = {
  applicability: '适用性',
  scope: '适用范围',
  authority: '来源权威性',
  time: '发布时间',
  internal_consistency: '来源内部一致性',
  consensus: '独立来源数量',
  unresolved: '无法判定',
};

export const reasonNames: Record<string, string> = {
  other_scope: '不适用于您的情形',
  condition_not_met: '条件不符',
  less_specific: '不够具体',
  less_authoritative: '来源权威性较低',
  outdated: '已过时',
  undated: '未注明日期',
  minority: '少数来源',
  inconsistent_source: '来源自相矛盾',
  superseded: '已被新文件取代',
  unresolved: '无法判定',
};
