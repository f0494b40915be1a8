/** Time limits of the 《政府信息公开条例》 (2019), in working days. */
export const LIMITS = {
  /** Art. 33: answer within 20 working days of receipt. */
  answer: 20,
  /** Art. 33: one extension of at most 20 working days, approved by the head of the disclosure office. */
  maxExtension: 20,
  /** Art. 30: a correction must be asked for, once, within 7 working days of receipt. */
  correctionRequest: 7,
  /** Art. 32 and 34: a third party or co-producing body gets 15 working days to answer. */
  consultation: 15,
} as const;
