/**
 * The default disclosure catalogue (公开目录) of catalogue.md. Codes are stable: reports and filters refer
 * to a category by code, never by name. A category's parent is its code without the last `.segment`.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
  description?: string;
}

export const DEFAULT_CATALOGUE: CatalogueEntry[] = [
  { code: 'GUIDE', name: '政府信息公开指南' },
  { code: 'RULES', name: '政府信息公开制度' },
  { code: 'REPORT', name: '政府信息公开年报', description: '政府信息公开工作年度报告' },
  { code: 'APPLY', name: '依申请公开', description: '申请方式与申请表' },
  { code: 'FDZD', name: '法定主动公开内容', description: '《中华人民共和国政府信息公开条例》第二十条、第二十一条规定主动公开的内容' },
  { code: 'FDZD.01', name: '机构信息', description: '条例第二十条第（二）项' },
  { code: 'FDZD.02', name: '政策文件', description: '条例第二十条第（一）项' },
  { code: 'FDZD.02.01', name: '规章' },
  { code: 'FDZD.02.02', name: '行政规范性文件' },
  { code: 'FDZD.02.03', name: '其他文件' },
  { code: 'FDZD.02.04', name: '政策解读' },
  { code: 'FDZD.03', name: '规划计划', description: '条例第二十条第（三）项' },
  { code: 'FDZD.04', name: '统计信息', description: '条例第二十条第（四）项' },
  { code: 'FDZD.05', name: '行政许可和其他对外管理服务', description: '条例第二十条第（五）项' },
  { code: 'FDZD.06', name: '行政处罚和行政强制', description: '条例第二十条第（六）项' },
  { code: 'FDZD.07', name: '财政预决算', description: '条例第二十条第（七）项，含“三公”经费' },
  { code: 'FDZD.08', name: '行政事业性收费', description: '条例第二十条第（八）项' },
  { code: 'FDZD.09', name: '政府集中采购', description: '条例第二十条第（九）项' },
  { code: 'FDZD.10', name: '重大建设项目', description: '条例第二十条第（十）项' },
  { code: 'FDZD.11', name: '民生保障', description: '条例第二十条第（十一）项：乡村振兴、教育、医疗、社保、就业' },
  { code: 'FDZD.12', name: '应急管理', description: '条例第二十条第（十二）项' },
  { code: 'FDZD.13', name: '监督检查', description: '条例第二十条第（十三）项' },
  { code: 'FDZD.14', name: '公务员招考及人事信息', description: '条例第二十条第（十四）项' },
  { code: 'FDZD.15', name: '本地法定事项', description: '条例第二十一条' },
  { code: 'FDZD.16', name: '其他', description: '工作动态、通知公告、政府会议、建议提案办理' },
];

export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i === -1 ? null : code.slice(0, i);
}
