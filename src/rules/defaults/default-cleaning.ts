// Default patterns for cleaning scraped pages (JavaScript regular expressions matched per line).
// A corpus's rules/cleaning.yaml replaces any of them field by field.
import type { CleaningRules } from '../rule-schema.js';

export const defaultCleaning: CleaningRules = {
  // A line that opens a block of related-article teasers; everything after it is teasers or page furniture.
  relatedMarkers: '^(相关推荐|大家都在搜|相关阅读|猜你喜欢|热门推荐|相关文章|延伸阅读|推荐阅读|相关新闻|热点推荐)$',
  // The last line of a teaser: a category label and the teaser's date.
  teaserFooter: '^(\\S{2,10})\\s+(\\d{4}-\\d{2}-\\d{2})$',
  // A line of a link list carries "YYYY-MM-DD HH:MM" stamps.
  linkListStamp: '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?!:)',
  // Page furniture: navigation and back-to-top links, menus of short items between bars ("首页 | 公积金 | 社保"),
  // breadcrumbs ("当前位置：首页 > 公积金") and a site's name with its slogan ("安居网 - 城市生活服务指南").
  navigation:
    '^((首页|顶部|返回顶部|上一篇|下一篇|分享|收藏|打印|关闭窗口|返回|上一页|下一页)\\s*)+$' +
    '|^(当前位置|您的位置|你的位置|您现在的位置|所在位置)[:：]' +
    '|^[^|｜，。,;；]{1,10}(\\s*[|｜]\\s*[^|｜，。,;；]{1,10}){2,}$' +
    '|^[^>»，。,;；]{1,10}(\\s*[>»]\\s*[^>»，。,;；]{1,10}){2,}$' +
    '|^\\S{2,10}\\s+[-—–]\\s+[^\\s，。,;；]{2,20}$',
  // Publisher statements, complaint links, "for reference only" notices, medical notices, copyright lines.
  boilerplate: [
    '声明[:：]',
    '投诉$',
    '仅供参考[!！。]?\\s*具体',
    '^[（(]?备注[:：]',
    '不能代替面诊',
    '整理自互联网',
    '欢迎联系反馈',
    '^温馨提示[:：].*仅供参考',
    '版权所有|转载请注明',
    '^(责任编辑|编辑|来源)[:：]\\S{1,12}$',
  ],
  // Sentences that announce what follows or promise attachments, matched per sentence: "以下是详细介绍",
  // "下面随小编一起了解具体内容", "…,附各地医保部门咨询电话". They stay in the text but are never an answer.
  announcements: ['^(以下|下面)(是|为|就|随|我们|来|一起)', '小编', '一起来?了解', '[,，]附[^,，。；;]{2,16}[。.]?$', '供(大家|您|各位)参考[。.!！]?$', '(如下|以下)[。.]?$'],
  // A header line with the publication time and the publisher's name: "2025-06-01 05:20:27社保网".
  publisherLine: '^(\\d{4}-\\d{2}-\\d{2})(?:\\s+\\d{2}:\\d{2}(?::\\d{2})?)?\\s*(\\S{2,12})$',
  // A publisher statement names the publisher: "社保网声明：…".
  publisherStatement: '^(\\S{2,12}?)声明[:：]',
  // Dates accepted as a publication date in the first lines of a page.
  dates: ['(\\d{4})-(\\d{1,2})-(\\d{1,2})', '(\\d{4})/(\\d{1,2})/(\\d{1,2})', '(\\d{4})年(\\d{1,2})月(\\d{1,2})日'],
  // A date in parentheses at the end of a title is not part of the title: "…吗？(2025/06/01)".
  titleDateSuffix: '\\s*[（(][^（()）]*\\d{2}[^（()）]*[)）]\\s*$',
};
