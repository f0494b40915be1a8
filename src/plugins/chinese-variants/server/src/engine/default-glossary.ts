import type { Glossary, GlossaryTerm } from './glossary';

/**
 * Official vocabulary that s2twp (Taiwan phrases) rewrites into IT/colloquial Taiwanese usage,
 * which is wrong on government text (发布 → 釋出, 文件 → 檔案, 信息 → 資訊, 设置 → 設定).
 * Checked against opencc-js 1.4.2: s2tw keeps all of them as Traditional characters, which is
 * what a kept term prints (发布 → 發佈, s2tw's form; add { source: '发布', replacement: '發布' }
 * to a glossary to print 發布 instead).
 */
export const PROTECTED_VOCABULARY: readonly string[] = [
  '发布',
  '文件',
  '信息',
  '设置',
  '优化',
  '窗口',
  '项目',
  '支持',
  '数据',
  '网络',
  '执行',
  '程序',
  '默认',
  '打印',
  '质量',
  '视频',
  '软件',
  '硬件',
  '服务器',
  '用户',
];

/**
 * OpenCC phrases that contain protected vocabulary and that s2twp rewrites so the protected word
 * is lost (新闻发布会 → 新聞釋出會, 规范性文件 → 規範性檔案, 数据库 → 資料庫). A glossary term only
 * beats dictionary phrases of at most its length, so each such phrase needs its own entry.
 * Derived from opencc-js 1.4.2's STPhrases; a unit test re-derives the list and fails if it drifts.
 */
export const PROTECTED_COMPOUNDS: readonly string[] = [
  '个人用户',
  '主干网络',
  '互联网络',
  '以太网络',
  '信息安全',
  '信息技术',
  '信息系统',
  '信息论',
  '僵尸网络',
  '元数据',
  '光纤分布式数据介面',
  '光纤分布数据接口',
  '关系数据库',
  '出错信息',
  '刀片服务器',
  '分布式网络',
  '分布连结网络',
  '发布会',
  '可执行文件',
  '图像用户介面',
  '图形用户界面',
  '多种语言支持',
  '头文件',
  '并行程序',
  '引导程序',
  '打印台',
  '打印机',
  '打印范围',
  '拨接式数据通信',
  '数据介面',
  '数据仓库',
  '数据传输',
  '数据卡',
  '数据压缩',
  '数据处理',
  '数据库',
  '数据总线',
  '数据报',
  '数据挖掘',
  '数据接口',
  '数据机',
  '数据段',
  '数据流',
  '数据源',
  '数据结构',
  '数据网络',
  '数据资料',
  '数据通信',
  '数据通讯',
  '数据链',
  '数据链路',
  '数据链路层',
  '数据链路连接识别码',
  '文件名',
  '文件夹',
  '文件扩展名',
  '文件旅游',
  '文件柜',
  '新闻发布会',
  '曲项目',
  '最终用户',
  '注册用户',
  '源文件',
  '用户名',
  '用户数据',
  '用户界面',
  '电子数据交换',
  '直接数据',
  '硬件平台',
  '示范项目',
  '移动网络',
  '程序修宪',
  '程序员',
  '程序控制',
  '统计数据',
  '维基数据',
  '综合服务数位网络',
  '网络技术',
  '网络操作系统',
  '网络游戏',
  '网络管理系统',
  '网络规划人员',
  '表面信息',
  '规范性文件',
  '规范文件',
  '视频会议',
  '视频通话',
  '语音数据机',
  '软件平台',
  '软件开发',
  '软件开发人员',
  '软件技术',
  '软件系统',
  '项目表',
  '首席信息官',
  '高级设置',
  '默认值',
];

/** Every source an s2twp glossary must contain (as keep or as an explicit replacement). */
export const PROTECTED_SOURCES: readonly string[] = [...PROTECTED_VOCABULARY, ...PROTECTED_COMPOUNDS];

// FNV-1a, so the version (a converter cache key) changes whenever the data does.
function fingerprint(terms: readonly GlossaryTerm[]): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(terms)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function frozen(terms: GlossaryTerm[]): Glossary {
  terms.forEach(Object.freeze);
  return Object.freeze({ version: `default-${fingerprint(terms)}`, terms: Object.freeze(terms) });
}

/** Simplified-source glossary used by the s2* conversions when the caller gives none. */
export const DEFAULT_GLOSSARY: Glossary = frozen(PROTECTED_SOURCES.map((source) => ({ source, keep: true })));

export const EMPTY_GLOSSARY: Glossary = Object.freeze({ version: 'empty', terms: Object.freeze([]) });

/** Default terms plus the caller's; the caller's win on the same source. */
export function withDefaultGlossary(custom: Glossary): Glossary {
  return { version: `${DEFAULT_GLOSSARY.version}+${custom.version}`, terms: [...DEFAULT_GLOSSARY.terms, ...custom.terms] };
}
