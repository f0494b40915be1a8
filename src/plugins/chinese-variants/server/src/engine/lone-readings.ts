/**
 * Characters with several readings whose other readings live only inside words, so that standing
 * alone they always take the default: the ambiguity review does not flag them (it would flag every
 * 了 and 并 of a text). [character, why]. Rules as data: a character that keeps being confirmed as
 * its default in review belongs here.
 */
export const LONE_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['了', '瞭 only in 了解, 明了, 一目了然'],
  ['并', '併 and 幷 only in words (合并, 吞并, 兼并); alone it is the conjunction 並'],
  ['个', '箇 is an archaic form'],
  ['向', '嚮 and 曏 only in 向往, 向导, 向来'],
  ['后', '后 (queen) only in 皇后, 太后, 王后; alone it is 後'],
  ['局', '侷 only in 局促'],
  ['于', 'the preposition is 於; the surname 于 is part of a name'],
  ['须', '鬚 only in 胡须, 须发'],
  ['万', 'the surname 万 is part of a name; the numeral is 萬'],
  ['家', '傢 only in 家具, 家伙'],
  ['适', '适 only in old personal names'],
];
