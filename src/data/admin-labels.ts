/**
 * How the admin shows the content types to an editor: the catalogue's own words for every field (label,
 * short description, placeholder), the list columns an editor scans, the default sort, the fields the
 * server computes (read-only), and the Chinese names of stored enum codes (the codes stay English).
 * Data only: applied to the content manager's view configuration at bootstrap; the enum names live in
 * enum-labels.ts, which the admin bundle reads (src/admin/app.tsx) without pulling in the server.
 */

export interface FieldText {
  label: string;
  description?: string;
  placeholder?: string;
  /** Computed by the server: shown read-only, with the description saying so. */
  readOnly?: boolean;
}

export interface TypeLayout {
  fields: Record<string, FieldText>;
  /** List view columns, in order. */
  list: string[];
  /** Default sort of the list view. */
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** The field naming an entry in titles and relation pickers. */
  mainField?: string;
}

import { FIELD_LABELS } from '../plugins/disclosure/server/src';

export { ENUM_LABELS } from './enum-labels';

// Applications and review cases are the disclosure plugin's domain: it names their fields (its rules' messages use the same words).
const A = FIELD_LABELS['api::disclosure-application.disclosure-application'];
const R = FIELD_LABELS['api::review-case.review-case'];

const SYSTEM = '系统自动分配，不能修改';
const COMPUTED = '系统根据办理记录自动计算，不能修改';

export const ADMIN_LAYOUTS: Record<string, TypeLayout> = {
  'api::notice.notice': {
    fields: {
      title: { label: '标题', description: '公开信息的正式标题', placeholder: '如：关于印发《壶天镇农村人居环境整治实施方案》的通知' },
      summary: { label: '内容概述', description: '一两句话概括主要内容，显示在列表和搜索结果中', placeholder: '简要说明文件的主要内容' },
      body: { label: '正文', description: '文件正文；附件请在“附件”中上传' },
      keywords: { label: '主题词', description: '多个主题词用空格或逗号分隔', placeholder: '如：人居环境 整治' },
      organization: { label: '发布机构', description: '制作或发布该信息的行政机关' },
      category: { label: '主题分类', description: '公开目录中的分类（编码 名称）' },
      indexNumber: { label: '索引号', description: `${SYSTEM}（按机关代码、分类和年度编号）`, readOnly: true },
      documentNumber: { label: '文号', description: '发文字号，无文号的留空', placeholder: '如：壶政发〔2026〕12号' },
      documentType: { label: '信息类别', description: '用于年度报告表二的统计' },
      writtenDate: { label: '成文日期', description: '文件签发日期（YYYY-MM-DD）', placeholder: 'YYYY-MM-DD' },
      releaseDate: { label: '发布日期', description: '对外公开的日期（YYYY-MM-DD）', placeholder: 'YYYY-MM-DD' },
      validity: { label: '有效性', description: '规章、规范性文件须注明是否有效' },
      abolishedDate: { label: '废止日期', description: '有效性为“已废止”或“已失效”时填写（YYYY-MM-DD）', placeholder: 'YYYY-MM-DD' },
      subject: { label: '主题', description: '按主题分类的补充说明', placeholder: '如：城乡建设、环境保护' },
      attachments: { label: '附件', description: 'PDF、Word 等附件，公开页面提供下载' },
    },
    // the content manager adds 状态 (draft / published) and 语言版本 after these
    list: ['title', 'indexNumber', 'organization', 'releaseDate'],
    sort: { field: 'releaseDate', order: 'DESC' },
  },
  'api::organization.organization': {
    fields: {
      name: { label: '机关名称', placeholder: '如：湘乡市壶天镇人民政府' },
      shortName: { label: '简称', placeholder: '如：壶天镇' },
      address: { label: '地址', placeholder: '办公地址' },
      code: { label: '机关代码', description: '用于索引号和导入数据的代码', placeholder: '如：430381106' },
      parent: { label: '上级机关' },
      children: { label: '下属机构' },
      level: { label: '层级' },
      postcode: { label: '邮政编码', placeholder: '如：411400' },
      phone: { label: '联系电话', description: '政府信息公开工作机构的电话，印在年度报告上', placeholder: '如：0731-56660086' },
      email: { label: '电子邮箱', placeholder: '如：gk@example.gov.cn' },
      website: { label: '网站', description: '年度报告电子版所在网站', placeholder: 'https://' },
      acceptsOnlineApplications: { label: '受理网上申请', description: '开启后，公众可在网站上向该机关提交政府信息公开申请' },
    },
    list: ['name', 'code', 'level', 'parent'],
    sort: { field: 'code', order: 'ASC' },
    mainField: 'name',
  },
  'api::disclosure-category.disclosure-category': {
    fields: {
      name: { label: '分类名称', placeholder: '如：规范性文件' },
      description: { label: '说明', placeholder: '本分类收录的信息' },
      code: { label: '分类编码', description: '公开目录的层级编码', placeholder: '如：FDZD.02.02' },
      parent: { label: '上级分类' },
      children: { label: '下级分类' },
      sortOrder: { label: '排序', description: '数字小的排在前面' },
      label: { label: '显示名称', description: '编码和名称，系统自动生成', readOnly: true },
    },
    list: ['code', 'name', 'parent', 'sortOrder'],
    sort: { field: 'code', order: 'ASC' },
    // pickers show "FDZD.02.02 规范性文件", not a bare name that repeats ("其他" beside "其他文件")
    mainField: 'label',
  },
  'api::site.site': {
    fields: {
      governmentName: { label: '政府名称', description: '显示在门户网站页头', placeholder: '如：湘乡市壶天镇人民政府' },
      siteName: { label: '网站名称', description: '留空时页头显示“政府名称 + 政府信息公开”', placeholder: '如：湘乡市壶天镇人民政府信息公开' },
      emblem: { label: '页头徽标', description: '国徽或机关标识图片，显示在页头名称左侧' },
      sponsor: { label: '主办单位', placeholder: '如：湘乡市壶天镇人民政府' },
      organizer: { label: '承办单位', placeholder: '如：湘乡市壶天镇党政综合办公室' },
      address: { label: '地址', placeholder: '如：湖南省湘乡市壶天镇壶天街1号' },
      phone: { label: '联系电话', placeholder: '如：0731-56000000' },
      siteCode: { label: '网站标识码', description: '政府网站标识码（10位）', placeholder: '如：4303810001' },
      icpNumber: { label: 'ICP备案号', placeholder: '如：湘ICP备00000000号' },
      publicSecurityNumber: { label: '公安备案号', placeholder: '如：湘公网安备 43038102000000号' },
    },
    list: ['governmentName'],
    sort: { field: 'governmentName', order: 'ASC' },
  },
  'api::annual-report.annual-report': {
    fields: {
      title: { label: '标题', placeholder: '如：湘乡市壶天镇人民政府2026年政府信息公开工作年度报告' },
      overview: { label: '一、总体情况', description: '自动生成的句子随数据更新；人工撰写的句子保留不变' },
      problems: { label: '五、存在的主要问题及改进情况' },
      otherMatters: { label: '六、其他需要报告的事项' },
      organization: { label: '报告机关' },
      year: { label: '年度' },
      formatVersion: { label: '报告格式', description: '由年度决定：2021年起为国办公开办函〔2021〕30号格式', readOnly: true },
      tables: { label: '统计表' },
      overrides: { label: '人工填写的数值', description: '在“年度报告”页面填写', readOnly: true },
      processingFeeYuan: { label: '信息处理费（元）', description: '本年度实际收取（已缴纳）的信息处理费' },
      validation: { label: '校验结果', description: '每次保存时自动校验', readOnly: true },
      warningsAcknowledgement: { label: '跨年度提示确认', description: '在“年度报告”页面确认', readOnly: true },
      generatedAt: { label: '生成时间', description: SYSTEM, readOnly: true },
    },
    list: ['title', 'organization', 'year'],
    sort: { field: 'year', order: 'DESC' },
  },
  // read-only fields of applications are locked by the disclosure plugin (its READ_ONLY_FIELDS)
  'api::disclosure-application.disclosure-application': {
    fields: {
      trackingNumber: { label: A.trackingNumber, description: SYSTEM },
      organization: { label: A.organization },
      applicantType: { label: A.applicantType, description: '年度报告表三的申请人分类' },
      applicantName: { label: A.applicantName, description: '个人信息：只有办理人员可见', placeholder: '申请人姓名或单位名称' },
      applicantContact: { label: A.applicantContact, description: '个人信息：只有办理人员可见', placeholder: '电话、邮箱或通讯地址' },
      applicantIdType: { label: A.applicantIdType, description: '个人信息：只有办理人员可见' },
      applicantIdNumber: { label: A.applicantIdNumber, description: '个人信息：只有办理人员可见' },
      applicantPhone: { label: A.applicantPhone, description: '个人信息：只有办理人员可见' },
      applicantEmail: { label: A.applicantEmail, description: '个人信息：只有办理人员可见；网上申请的通知发往此邮箱' },
      applicantAddress: { label: A.applicantAddress, description: '个人信息：只有办理人员可见；邮寄送达时使用' },
      applicantPostcode: { label: A.applicantPostcode, placeholder: '6位数字' },
      channel: { label: A.channel },
      submittedAt: { label: A.submittedAt, description: '申请人在网站提交的时间；签收之日为收到申请之日（条例第三十一条第三项）' },
      receivedDate: { label: A.receivedDate, description: '答复期限自收到申请之日起按工作日计算（YYYY-MM-DD）', placeholder: 'YYYY-MM-DD' },
      requestedContent: { label: A.requestedContent, description: '申请公开的政府信息的名称、文号或描述' },
      requestedTitle: { label: A.requestedTitle },
      requestedDocumentNumber: { label: A.requestedDocumentNumber },
      deliveryMethod: { label: A.deliveryMethod, description: '申请人要求的获取方式（条例第二十九条）' },
      deliveryMedium: { label: A.deliveryMedium },
      applicationStatus: { label: A.applicationStatus },
      statusNote: { label: A.statusNote },
      dismissalReason: { label: A.dismissalReason, description: '广告、与政府信息公开无关的信访等不作为申请处理时填写，申请人在查询页可见' },
      outcome: { label: A.outcome, description: '已答复、已终止时必填：年度报告表三的一项' },
      answeredDate: { label: A.answeredDate, placeholder: 'YYYY-MM-DD' },
      answerText: { label: A.answerText, description: '网上申请人在查询页可见；答复文件在右侧“申请文件”中上传' },
      feeYuan: { label: A.feeYuan, description: '按收费方式自动计算，不能修改' },
      feePaidDate: { label: A.feePaidDate, description: '只有已缴纳的信息处理费计入年度报告', placeholder: 'YYYY-MM-DD' },
      notes: { label: A.notes },
      correctionRequestedDate: { label: A.correctionRequestedDate, placeholder: 'YYYY-MM-DD' },
      correctionAnswerBy: { label: A.correctionAnswerBy, placeholder: 'YYYY-MM-DD' },
      correctionReceivedDate: { label: A.correctionReceivedDate, placeholder: 'YYYY-MM-DD' },
      correctionRequest: { label: A.correctionRequest, description: '告知申请人需要补正的事项、要求和期限；网上申请人在查询页可见' },
      correctionReply: { label: A.correctionReply, description: '申请人在网上提交的补正内容' },
      consultations: { label: A.consultations, description: '征求第三方或其他机关意见的起止日期' },
      extensionWorkingDays: { label: A.extensionWorkingDays, description: '不超过20个工作日（条例第三十三条）' },
      extensionApprover: { label: A.extensionApprover, placeholder: '政府信息公开工作机构负责人' },
      extensionReason: { label: A.extensionReason },
      extensionApprovedDate: { label: A.extensionApprovedDate, placeholder: 'YYYY-MM-DD' },
      dueDate: { label: A.dueDate, description: COMPUTED },
      dueDateProvisional: { label: A.dueDateProvisional, description: COMPUTED },
      missingCalendarYears: { label: A.missingCalendarYears, description: COMPUTED },
      correctionLimit: { label: A.correctionLimit, description: COMPUTED },
      feeMethod: { label: A.feeMethod, description: '国办函〔2020〕109号：按件或按页计收，二者不可兼用' },
      feeRequestNumberInMonth: { label: A.feeRequestNumberInMonth, description: '按件计收时：申请人本月第几件申请' },
      feePages: { label: A.feePages, description: '按页计收时：提供信息的页数' },
      reviewCases: { label: A.reviewCases },
    },
    list: ['trackingNumber', 'organization', 'applicantType', 'receivedDate', 'applicationStatus', 'dueDate'],
    sort: { field: 'receivedDate', order: 'DESC' },
  },
  'api::review-case.review-case': {
    fields: {
      organization: { label: R.organization },
      application: { label: R.application },
      kind: { label: R.kind },
      caseNumber: { label: R.caseNumber, placeholder: '如：湘潭复决字〔2026〕5号' },
      filedDate: { label: R.filedDate, placeholder: 'YYYY-MM-DD' },
      result: { label: R.result },
      concludedDate: { label: R.concludedDate, placeholder: 'YYYY-MM-DD' },
    },
    list: ['caseNumber', 'organization', 'kind', 'filedDate', 'result'],
    sort: { field: 'filedDate', order: 'DESC' },
  },
};

// The disclosure plugin's own editable types, as the app shows them.
Object.assign(ADMIN_LAYOUTS, {
  'plugin::disclosure.calendar-override': {
    fields: {
      date: { label: '日期', placeholder: 'YYYY-MM-DD' },
      kind: { label: '类型', description: '休息日：法定节假日或调休放假；工作日：调休上班的周末' },
      note: { label: '说明', placeholder: '如：国务院办公厅关于2027年部分节假日安排的通知' },
    },
    list: ['date', 'kind', 'note'],
    sort: { field: 'date', order: 'DESC' },
  },
  'plugin::disclosure.calendar-year': {
    fields: {
      year: { label: '年份' },
      complete: { label: '已完整录入', description: '该年节假日安排已全部录入：答复期限不再按“暂定”计算' },
      note: { label: '说明' },
    },
    list: ['year', 'complete', 'note'],
    sort: { field: 'year', order: 'DESC' },
  },
  'plugin::disclosure.officer-assignment': {
    fields: {
      user: { label: '经办人', description: '管理后台的用户' },
      organizations: { label: '负责的机关', description: '经办人只能看到和办理这些机关的申请' },
      note: { label: '说明' },
    },
    list: ['user', 'note'],
    sort: { field: 'id', order: 'DESC' },
  },
  // the moderation queue: pending first by the list's filter, newest first
  'plugin::disclosure.comment': {
    fields: {
      moderation: { label: '审核状态', description: '待处理的留言不显示；通过后在网站显示（连同答复），不予显示的须写明理由' },
      targetKind: { label: '留言对象类型', readOnly: true, description: '网站提交，不能修改' },
      targetDocumentId: { label: '留言对象编号', readOnly: true, description: '网站提交，不能修改' },
      targetTitle: { label: '留言对象', readOnly: true, description: '被留言的信息或年度报告标题（网站提交，不能修改）' },
      nickname: { label: '昵称', description: '留言人填写，网站显示' },
      text: { label: '留言内容', description: '留言人填写，网站显示' },
      contact: { label: '联系方式', readOnly: true, description: '留言人自愿填写，仅供工作人员联系，从不公开' },
      rejectionReason: { label: '不予显示理由', description: '审核状态为“不予显示”时必填；仅存档，不公开' },
      reply: { label: '答复', description: '工作人员的答复，显示在留言下方' },
      moderatedAt: { label: '审核时间', readOnly: true, description: '系统自动记录，不能修改' },
    },
    list: ['moderation', 'targetTitle', 'nickname', 'text'],
    sort: { field: 'createdAt', order: 'DESC' },
    mainField: 'nickname',
  },
} satisfies Record<string, TypeLayout>);

/** The Chinese label of a field (the attribute name when none is written). */
export const fieldLabel = (uid: string, field: string): string => ADMIN_LAYOUTS[uid]?.fields[field]?.label ?? field;
