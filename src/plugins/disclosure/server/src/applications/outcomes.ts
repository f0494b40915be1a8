/**
 * The 21 outcome rows of Table 3 (三、本年度办理结果) of the national annual report format
 * (国办公开办函〔2021〕30号), in the table's order, with the group heading prefixed to each label.
 * Copied from annual-report-format.json because the app ships without the reference files.
 */
export const OUTCOMES = [
  { code: 'granted', label: '（一）予以公开' },
  { code: 'partlyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { code: 'withheld.stateSecret', label: '（三）不予公开 1.属于国家秘密' },
  { code: 'withheld.prohibitedByLaw', label: '（三）不予公开 2.其他法律行政法规禁止公开' },
  { code: 'withheld.securityStability', label: '（三）不予公开 3.危及“三安全一稳定”' },
  { code: 'withheld.thirdPartyRights', label: '（三）不予公开 4.保护第三方合法权益' },
  { code: 'withheld.internalAffairs', label: '（三）不予公开 5.属于三类内部事务信息' },
  { code: 'withheld.processInformation', label: '（三）不予公开 6.属于四类过程性信息' },
  { code: 'withheld.enforcementFile', label: '（三）不予公开 7.属于行政执法案卷' },
  { code: 'withheld.queryMatter', label: '（三）不予公开 8.属于行政查询事项' },
  { code: 'unavailable.notHeld', label: '（四）无法提供 1.本机关不掌握相关政府信息' },
  { code: 'unavailable.needsCreation', label: '（四）无法提供 2.没有现成信息需要另行制作' },
  { code: 'unavailable.stillUnclear', label: '（四）无法提供 3.补正后申请内容仍不明确' },
  { code: 'notProcessed.petition', label: '（五）不予处理 1.信访举报投诉类申请' },
  { code: 'notProcessed.repeated', label: '（五）不予处理 2.重复申请' },
  { code: 'notProcessed.publication', label: '（五）不予处理 3.要求提供公开出版物' },
  { code: 'notProcessed.excessive', label: '（五）不予处理 4.无正当理由大量反复申请' },
  { code: 'notProcessed.confirmation', label: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息' },
  { code: 'other.noCorrection', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { code: 'other.feeUnpaid', label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { code: 'other.other', label: '（六）其他处理 3.其他' },
] as const;

export type OutcomeCode = (typeof OUTCOMES)[number]['code'];

export const OUTCOME_CODES: readonly OutcomeCode[] = OUTCOMES.map((o) => o.code);

export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

export function outcomeLabel(code: OutcomeCode): string {
  return OUTCOMES.find((o) => o.code === code)?.label ?? code;
}
