/**
 * Demo content: the city government of 湘乡市 and, under it, the township 壶天镇. Codes are illustrative.
 * Notices and applications are spread over 2020 (reported in the trial format) and the current year.
 */
export const DEMO_ORGANIZATIONS = [
  {
    code: '430381',
    name: '湘乡市人民政府',
    shortName: '湘乡市政府',
    address: '湖南省湘乡市东山街道东山路',
    level: 'county',
    postcode: '411400',
    phone: '0731-56751000',
    website: 'http://www.xxs.gov.cn',
    parent: null,
  },
  {
    code: '430381106',
    name: '湘乡市壶天镇人民政府',
    shortName: '壶天镇政府',
    address: '湘乡市壶天镇人民政府',
    level: 'township',
    postcode: '411400',
    phone: '0731-56660086',
    parent: '430381',
  },
] as const;

export const TOWNSHIP_CODE = '430381106';

type NoticeTemplate = {
  category: string;
  title: string;
  documentType: string;
  documentNumber?: string;
  validity?: string;
  /** the body's text after the title's sentence (`{Y}`: the year) */
  body?: string;
};

/** `{Y}` is replaced by the year. */
export const NOTICE_TEMPLATES: NoticeTemplate[] = [
  { category: 'FDZD.01', title: '壶天镇人民政府机构职能及领导分工', documentType: 'other-document', validity: 'not-applicable' },
  {
    category: 'FDZD.02.02',
    title: '壶天镇人民政府关于印发《壶天镇村级财务管理办法》的通知',
    documentType: 'normative-document',
    documentNumber: '壶政发〔{Y}〕1号',
    validity: 'in-force',
  },
  {
    category: 'FDZD.02.02',
    title: '壶天镇人民政府关于进一步加强农村建房管理的通知',
    documentType: 'normative-document',
    documentNumber: '壶政发〔{Y}〕3号',
    validity: 'in-force',
    body: '各村（社区）：为规范农村村民住宅建设，保障房屋质量安全，现就有关事项通知如下。一、新建住房须先申请宅基地审批；二、严禁占用永久基本农田建房。',
  },
  { category: 'FDZD.02.03', title: '壶天镇{Y}年安全生产工作要点', documentType: 'other-document', documentNumber: '壶政办发〔{Y}〕5号', validity: 'in-force' },
  { category: 'FDZD.02.04', title: '《壶天镇村级财务管理办法》政策解读', documentType: 'policy-interpretation', validity: 'not-applicable' },
  { category: 'FDZD.03', title: '壶天镇{Y}年国民经济和社会发展计划', documentType: 'other-document', validity: 'in-force' },
  { category: 'FDZD.04', title: '壶天镇{Y}年上半年主要经济指标', documentType: 'other-document', validity: 'not-applicable' },
  { category: 'FDZD.05', title: '壶天镇农村宅基地审批结果公示（第一批）', documentType: 'licensing-decision', validity: 'not-applicable' },
  { category: 'FDZD.05', title: '壶天镇农村宅基地审批结果公示（第二批）', documentType: 'licensing-decision', validity: 'not-applicable' },
  { category: 'FDZD.06', title: '壶天镇人民政府行政处罚决定书（违法占地建房）', documentType: 'punishment-decision', validity: 'not-applicable' },
  { category: 'FDZD.06', title: '壶天镇人民政府限期拆除决定书', documentType: 'enforcement-decision', validity: 'not-applicable' },
  { category: 'FDZD.07', title: '壶天镇{Y}年财政预算公开', documentType: 'other-document', validity: 'not-applicable' },
  { category: 'FDZD.07', title: '壶天镇{Y}年“三公”经费预算说明', documentType: 'other-document', validity: 'not-applicable' },
  { category: 'FDZD.09', title: '壶天镇中心小学校舍维修项目采购结果公告', documentType: 'announcement', validity: 'not-applicable' },
  { category: 'FDZD.10', title: '壶天镇农村公路提质改造项目建设情况', documentType: 'work-update', validity: 'not-applicable' },
  { category: 'FDZD.11', title: '壶天镇{Y}年城乡居民医疗保险参保缴费的通告', documentType: 'announcement', validity: 'not-applicable' },
  {
    category: 'FDZD.11',
    title: '壶天镇{Y}年度农村低保对象名单公示',
    documentType: 'announcement',
    validity: 'not-applicable',
    body: '经村民代表评议、镇人民政府审核，下列家庭纳入农村最低生活保障范围。公示期为7天，如有异议，请拨打监督电话0731-56000000反映。各村已向保障对象发放政策明白卡。',
  },
  { category: 'FDZD.12', title: '壶天镇{Y}年防汛抗旱应急预案', documentType: 'other-document', validity: 'in-force' },
  { category: 'FDZD.13', title: '壶天镇食品安全专项检查情况通报', documentType: 'work-update', validity: 'not-applicable' },
  { category: 'FDZD.14', title: '壶天镇{Y}年公开招聘村（社区）专职工作者公告', documentType: 'announcement', validity: 'not-applicable' },
  { category: 'FDZD.16', title: '壶天镇召开{Y}年春季森林防火工作部署会', documentType: 'work-update', validity: 'not-applicable' },
  { category: 'FDZD.16', title: '关于做好{Y}年春节期间安全生产工作的通知', documentType: 'announcement', validity: 'not-applicable' },
  {
    category: 'GUIDE',
    title: '壶天镇人民政府政府信息公开指南',
    documentType: 'other',
    validity: 'in-force',
    body: '一、主动公开：本机关主动公开的政府信息通过本网站“信息公开目录”发布，自信息形成或变更之日起20个工作日内公开。二、依申请公开：公民、法人或者其他组织可以通过网站在线申请、信函或当面提交申请，本机关在收到申请之日起20个工作日内答复。三、监督和救济：认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。',
  },
  {
    category: 'RULES',
    title: '壶天镇人民政府政府信息公开工作制度',
    documentType: 'other',
    validity: 'in-force',
    body: '为规范本镇政府信息公开工作，制定以下制度：公开前保密审查制度、信息发布协调制度、依申请公开登记办理制度、政府信息公开工作考核和责任追究制度。',
  },
];

/** A few notices of the city government, so that organization filters have something to tell apart. */
export const CITY_NOTICE_TEMPLATES: NoticeTemplate[] = [
  {
    category: 'FDZD.02.02',
    title: '湘乡市人民政府关于印发《湘乡市城区停车管理办法》的通知',
    documentType: 'normative-document',
    documentNumber: '湘乡政发〔{Y}〕2号',
    validity: 'in-force',
  },
  { category: 'FDZD.07', title: '湘乡市{Y}年财政预算执行情况', documentType: 'other-document', validity: 'not-applicable' },
  { category: 'FDZD.16', title: '湘乡市人民政府常务会议纪要', documentType: 'work-update', validity: 'not-applicable' },
];

export const APPLICATION_REQUESTS = [
  '申请公开本村{Y}年度村级财务收支明细',
  '申请公开本镇农村公路提质改造项目的招标文件',
  '申请公开本组宅基地审批的相关材料',
  '申请公开本镇低保对象评定程序及名单',
  '申请公开本镇征地补偿标准及依据',
  '申请公开本镇防汛物资采购合同',
];

export const APPLICANT_NAMES = ['李某某', '王某某', '湖南某建设有限公司', '某大学社会学系', '某公益基金会', '某律师事务所', '某村民合作社'];

/** The demo portal's identity (网站信息): the township's own, with placeholder registration numbers. */
export const DEMO_SITE = {
  governmentName: '湘乡市壶天镇人民政府',
  siteName: '湘乡市壶天镇人民政府信息公开',
  sponsor: '湘乡市壶天镇人民政府',
  organizer: '湘乡市壶天镇党政综合办公室',
  address: '湖南省湘乡市壶天镇壶天街1号',
  phone: '0731-56000000',
  siteCode: '4303810001',
  icpNumber: '湘ICP备00000000号',
  publicSecurityNumber: '湘公网安备43038102000000号',
};
