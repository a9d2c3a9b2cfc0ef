// Default scope vocabulary: how places relate, who a statement is about, and words for changing between types.
// A corpus's rules/scope.yaml adds dimensions of its own (insurance types, card types…) and words.
import type { ScopeVocabulary } from '../rule-schema.js';

export const defaultScope: ScopeVocabulary = {
  relations: {
    'same-city': ['同城', '同一城市', '同一个城市', '本市范围内', '本市', '市内', '不换城市', '本地', '城市内', '别的区', '其他区', '另一个区'],
    'same-province': ['省内跨市', '省内转移', '省内各地', '省内'],
    'cross-province': ['跨省', '省外', '外省', '跨省份', '省际', '换个省', '转个省', '去外省', '换省'],
    'cross-city': ['跨市', '跨地市', '异地', '跨地区', '跨统筹区', '跨统筹地区', '不同城市', '换城市', '外地', '别的城市', '其他城市', '外市', '另一个城市', '新城市', '新的城市', '跨城市'],
  },
  complements: ['其他地区', '其他省份', '其余地区', '其他省市', '其余省份', '其他城市', '其他省', '别的省份', '别的省', '别的地区', '别的城市'],
  otherProvince: ['省外', '外省', '别的省', '别的省份', '外省市'],
  homeProvince: ['全省', '本省', '我省', '全省范围内'],
  localChanges: ['换工作', '换了工作', '换了三次工作', '跳槽', '换公司', '换了家公司', '换单位', '搬家', '搬了家', '换住址', '变更住址', '搬了两次家'],
  changeVerbs: ['转为', '转成', '转交', '改交', '改为', '改成', '换成', '换回', '换为', '变为', '改参'],
  dimensions: {
    population: {
      label: '人群',
      strict: true,
      values: {
        退休人员: { terms: ['退休人员', '退休职工', '退休老人', '退休了', '已退休', '退休后', '退休'] },
        灵活就业人员: { terms: ['灵活就业人员', '灵活就业', '自由职业者', '自由职业', '打零工', '零工', '个体户'] },
        未成年人: { terms: ['未成年人', '未满16周岁', '未满18周岁', '儿童', '少儿'] },
        学生: { terms: ['在校学生', '大学生', '学生'] },
      },
    },
  },
};
