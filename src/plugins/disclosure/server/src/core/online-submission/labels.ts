/** Codes and Chinese names of how an applicant wants the information (条例 Art. 29(3)). */
export const DELIVERY_METHODS = ['email', 'postal-mail', 'pickup', 'online-view'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  email: '电子邮件',
  'postal-mail': '邮寄',
  pickup: '自行领取',
  'online-view': '在线查看',
};
export const MEDIA = ['paper', 'electronic'] as const;
export type Medium = (typeof MEDIA)[number];
export const MEDIUM_LABELS: Record<Medium, string> = { paper: '纸质', electronic: '电子文档' };
