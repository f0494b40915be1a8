/**
 * The portal's own labels in both scripts. Written out by hand: UI labels are never converted at run time.
 * Content (titles, bodies, category names) comes from the API in the requested locale.
 */
export type Locale = 'zh-Hans' | 'zh-Hant';
export const LOCALES: readonly Locale[] = ['zh-Hans', 'zh-Hant'];
export const DEFAULT_LOCALE: Locale = 'zh-Hans';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-Hans' || value === 'zh-Hant';
}

const HANS = {
  siteTitle: '政府信息公开',
  skipToContent: '跳到主要内容',
  mainNav: '主导航',
  navHome: '信息公开目录',
  navNotices: '政府信息',
  navReports: '年度报告',
  scriptSwitch: '字体切换',
  scriptHans: '简',
  scriptHant: '繁',
  scriptHansLong: '简体中文',
  scriptHantLong: '繁體中文',
  loading: '正在加载……',
  loaded: '加载完成',
  errorPrefix: '加载失败：',
  errorRetry: '重试',
  notFoundTitle: '页面不存在',
  notFoundText: '没有找到您要访问的页面。',
  backHome: '返回首页',
  noScript: '本页面需要启用 JavaScript。',
  footer: '本站内容由政府信息公开平台发布',
  // catalogue
  catalogueTitle: '政府信息公开目录',
  catalogueTree: '公开目录分类',
  catalogueIntro: '按分类查看已发布的政府信息，括号内为所选年度的信息数量（含下级分类）。',
  organization: '发布机构',
  year: '年度',
  allYears: '全部年度',
  allOrganizations: '全部机构',
  showCounts: '显示',
  totalItems: '本年度发布信息',
  uncategorised: '未分类',
  expand: '展开',
  collapse: '收起',
  countSuffix: '条',
  statsUnavailable: '统计数据暂不可用，分类数量无法显示。',
  // notice list
  noticesTitle: '政府信息',
  searchTitle: '检索',
  keyword: '关键词',
  keywordHint: '可输入简体或繁体',
  search: '检索',
  clearFilters: '清除条件',
  category: '分类',
  allCategories: '全部分类',
  resultsCount: '共 {n} 条',
  noResults: '没有符合条件的信息。',
  searchedAs: '已按“{q}”检索',
  convertUnavailable: '字形转换暂不可用，已按输入的关键词检索。',
  pagination: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  pageN: '第 {n} 页',
  pageOf: '第 {page} / {pages} 页',
  releaseDate: '发布日期',
  // notice page
  metadataTable: '公开目录信息',
  indexNumber: '索引号',
  assignedCategory: '组配分类',
  subject: '主题分类',
  publisher: '发布机构',
  writtenDate: '成文日期',
  publishedDate: '发布日期',
  documentNumber: '文号',
  validity: '有效性',
  abolishedDate: '废止日期',
  documentType: '文种',
  keywords: '关键词',
  body: '正文',
  noBody: '本信息没有正文。',
  none: '无',
  backToList: '返回列表',
  localeFallback: '本信息暂无繁体版本，以下显示简体版本。',
  attachments: '附件',
  attachmentDownload: '下载',
  attachmentType: '{type}文件',
  // reports
  reportsTitle: '政府信息公开工作年度报告',
  reportYear: '{year}年度',
  noReports: '暂无已发布的年度报告。',
  reportDownloads: '下载报告',
  downloadAs: '下载 {format} 格式',
  reportExportUnavailable: '报告的标准版式暂不可用，以下按报告数据显示。',
  reportDataUnavailable: '报告数据暂不可用。',
  reportTable: '表格',
  rowHeader: '项目',
  backToReports: '返回年度报告列表',
  reportLocaleFallback: '本报告暂无繁体版本，以下显示简体版本。',
  sectionOverview: '一、总体情况',
  sectionProactive: '二、主动公开政府信息情况',
  sectionApplications: '三、收到和处理政府信息公开申请情况',
  sectionReviews: '四、政府信息公开行政复议、行政诉讼情况',
  sectionProblems: '五、存在的主要问题及改进情况',
  sectionOther: '六、其他需要报告的事项',
  // validity values
  validityInForce: '有效',
  validityAbolished: '废止',
  validityExpired: '失效',
  validityNotApplicable: '不适用',
  // document types
  typeRegulation: '规章',
  typeNormativeDocument: '行政规范性文件',
  typeOtherDocument: '其他文件',
  typePolicyInterpretation: '政策解读',
  typeLicensingDecision: '行政许可决定',
  typePunishmentDecision: '行政处罚决定',
  typeEnforcementDecision: '行政强制决定',
  typeWorkUpdate: '工作动态',
  typeAnnouncement: '通知公告',
  typeOther: '其他',
} as const;

export type LabelKey = keyof typeof HANS;

const HANT: Record<LabelKey, string> = {
  siteTitle: '政府信息公開',
  skipToContent: '跳到主要內容',
  mainNav: '主導覽',
  navHome: '信息公開目錄',
  navNotices: '政府信息',
  navReports: '年度報告',
  scriptSwitch: '字體切換',
  scriptHans: '简',
  scriptHant: '繁',
  scriptHansLong: '简体中文',
  scriptHantLong: '繁體中文',
  loading: '正在載入……',
  loaded: '載入完成',
  errorPrefix: '載入失敗：',
  errorRetry: '重試',
  notFoundTitle: '頁面不存在',
  notFoundText: '沒有找到您要訪問的頁面。',
  backHome: '返回首頁',
  noScript: '本頁面需要啟用 JavaScript。',
  footer: '本站內容由政府信息公開平臺發佈',
  catalogueTitle: '政府信息公開目錄',
  catalogueTree: '公開目錄分類',
  catalogueIntro: '按分類查看已發佈的政府信息，括號內為所選年度的信息數量（含下級分類）。',
  organization: '發佈機構',
  year: '年度',
  allYears: '全部年度',
  allOrganizations: '全部機構',
  showCounts: '顯示',
  totalItems: '本年度發佈信息',
  uncategorised: '未分類',
  expand: '展開',
  collapse: '收起',
  countSuffix: '條',
  statsUnavailable: '統計資料暫不可用，分類數量無法顯示。',
  noticesTitle: '政府信息',
  searchTitle: '檢索',
  keyword: '關鍵詞',
  keywordHint: '可輸入簡體或繁體',
  search: '檢索',
  clearFilters: '清除條件',
  category: '分類',
  allCategories: '全部分類',
  resultsCount: '共 {n} 條',
  noResults: '沒有符合條件的信息。',
  searchedAs: '已按「{q}」檢索',
  convertUnavailable: '字形轉換暫不可用，已按輸入的關鍵詞檢索。',
  pagination: '分頁',
  previousPage: '上一頁',
  nextPage: '下一頁',
  pageN: '第 {n} 頁',
  pageOf: '第 {page} / {pages} 頁',
  releaseDate: '發佈日期',
  metadataTable: '公開目錄信息',
  indexNumber: '索引號',
  assignedCategory: '組配分類',
  subject: '主題分類',
  publisher: '發佈機構',
  writtenDate: '成文日期',
  publishedDate: '發佈日期',
  documentNumber: '文號',
  validity: '有效性',
  abolishedDate: '廢止日期',
  documentType: '文種',
  keywords: '關鍵詞',
  body: '正文',
  noBody: '本信息沒有正文。',
  none: '無',
  backToList: '返回列表',
  localeFallback: '本信息暫無繁體版本，以下顯示簡體版本。',
  attachments: '附件',
  attachmentDownload: '下載',
  attachmentType: '{type}檔案',
  reportsTitle: '政府信息公開工作年度報告',
  reportYear: '{year}年度',
  noReports: '暫無已發佈的年度報告。',
  reportDownloads: '下載報告',
  downloadAs: '下載 {format} 格式',
  reportExportUnavailable: '報告的標準版式暫不可用，以下按報告資料顯示。',
  reportDataUnavailable: '報告資料暫不可用。',
  reportTable: '表格',
  rowHeader: '項目',
  backToReports: '返回年度報告列表',
  reportLocaleFallback: '本報告暫無繁體版本，以下顯示簡體版本。',
  sectionOverview: '一、總體情況',
  sectionProactive: '二、主動公開政府信息情況',
  sectionApplications: '三、收到和處理政府信息公開申請情況',
  sectionReviews: '四、政府信息公開行政複議、行政訴訟情況',
  sectionProblems: '五、存在的主要問題及改進情況',
  sectionOther: '六、其他需要報告的事項',
  validityInForce: '有效',
  validityAbolished: '廢止',
  validityExpired: '失效',
  validityNotApplicable: '不適用',
  typeRegulation: '規章',
  typeNormativeDocument: '行政規範性文件',
  typeOtherDocument: '其他文件',
  typePolicyInterpretation: '政策解讀',
  typeLicensingDecision: '行政許可決定',
  typePunishmentDecision: '行政處罰決定',
  typeEnforcementDecision: '行政強制決定',
  typeWorkUpdate: '工作動態',
  typeAnnouncement: '通知公告',
  typeOther: '其他',
};

export const LABELS: Record<Locale, Record<LabelKey, string>> = { 'zh-Hans': HANS, 'zh-Hant': HANT };

/** The label in the given script, with {name} placeholders filled in. */
export function t(locale: Locale, key: LabelKey, params: Record<string, string | number> = {}): string {
  const text = LABELS[locale][key] ?? LABELS[DEFAULT_LOCALE][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const VALIDITY: Record<string, LabelKey> = {
  'in-force': 'validityInForce',
  abolished: 'validityAbolished',
  expired: 'validityExpired',
  'not-applicable': 'validityNotApplicable',
};
export const VALIDITY_VALUES = Object.keys(VALIDITY);

/** 有效/废止/失效/不适用; unknown values are shown as given. */
export function validityLabel(locale: Locale, value: string | null | undefined): string {
  if (!value) return '';
  const key = VALIDITY[value];
  return key ? t(locale, key) : value;
}

const DOCUMENT_TYPES: Record<string, LabelKey> = {
  regulation: 'typeRegulation',
  'normative-document': 'typeNormativeDocument',
  'other-document': 'typeOtherDocument',
  'policy-interpretation': 'typePolicyInterpretation',
  'licensing-decision': 'typeLicensingDecision',
  'punishment-decision': 'typePunishmentDecision',
  'enforcement-decision': 'typeEnforcementDecision',
  'work-update': 'typeWorkUpdate',
  announcement: 'typeAnnouncement',
  other: 'typeOther',
};
export const DOCUMENT_TYPE_VALUES = Object.keys(DOCUMENT_TYPES);

export function documentTypeLabel(locale: Locale, value: string | null | undefined): string {
  if (!value) return '';
  const key = DOCUMENT_TYPES[value];
  return key ? t(locale, key) : value;
}

/** Report section headings by the format's section codes. */
const SECTIONS: Record<string, LabelKey> = {
  overview: 'sectionOverview',
  proactive: 'sectionProactive',
  applications: 'sectionApplications',
  reviewsAndLawsuits: 'sectionReviews',
  problems: 'sectionProblems',
  otherMatters: 'sectionOther',
};
export const REPORT_SECTIONS = Object.keys(SECTIONS);

export function sectionLabel(locale: Locale, code: string): string {
  const key = SECTIONS[code];
  return key ? t(locale, key) : code;
}
