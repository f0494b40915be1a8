import { type IsoDate, weekday } from './calendar-date';

const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** '2025年1月24日（周五）': the form used in Chinese notices. */
export function zhDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${ZH_WEEKDAYS[weekday(date)]}）`;
}

/** 'Fri 2025-01-24'. */
export function enDate(date: IsoDate): string {
  return `${EN_WEEKDAYS[weekday(date)]} ${date}`;
}

export function zhRange(from: IsoDate, to: IsoDate): string {
  return from === to ? zhDate(from) : `${zhDate(from)}至${zhDate(to)}`;
}

export function enRange(from: IsoDate, to: IsoDate): string {
  return from === to ? enDate(from) : `${enDate(from)} to ${enDate(to)}`;
}
