import { addDays } from './calendar-date';
import { enRange, zhRange } from './date-labels';
import type { CalendarStepReason, Step } from './due-date-types';
import type { DayDescription, WorkingDayCalendar } from './working-days';

/**
 * Turns the days a walk crossed into explanation steps, one per holiday block or make-up day,
 * so the officer reads "春节 1/28–2/4: 6 weekdays not counted" rather than six lines.
 */
export function calendarSteps(crossed: readonly DayDescription[], calendar: WorkingDayCalendar): Step[] {
  const groups: DayDescription[][] = [];
  for (const day of crossed) {
    const group = groups[groups.length - 1];
    if (group && sameBlock(group[group.length - 1], day, calendar)) group.push(day);
    else groups.push([day]);
  }
  return groups.map(toStep);
}

// Same reason, same holiday and note, and no working day in between (the gap is a weekend).
function sameBlock(a: DayDescription, b: DayDescription, calendar: WorkingDayCalendar): boolean {
  if (a.reason !== b.reason || a.name?.zh !== b.name?.zh || a.note !== b.note) return false;
  for (let d = addDays(a.date, 1); d < b.date; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) return false;
  }
  return true;
}

function toStep(group: DayDescription[]): Step {
  const first = group[0];
  const from = first.date;
  const to = group[group.length - 1].date;
  // A walk only records days off on weekdays and worked weekend days, never plain ones.
  const reason = first.reason as CalendarStepReason;
  const counted = first.working;
  const days = group.length;
  const zhWhen = zhRange(from, to);
  const enWhen = enRange(from, to);
  const zhEffect = counted ? `${days}日计入期限` : `${days}个工作日不计入期限`;
  const enEffect = counted ? `${days} day(s) counted` : `${days} weekday(s) not counted`;
  const zhNote = first.note ? `（${first.note}）` : '';
  const enNote = first.note ? ` (${first.note})` : '';
  const name = first.name;

  let zh: string;
  let en: string;
  switch (reason) {
    case 'holiday':
      zh = `${zhWhen}为${name?.zh ?? ''}假期，${zhEffect}`;
      en = `${enWhen}: ${name?.en ?? ''} holiday, ${enEffect}`;
      break;
    case 'makeup-workday':
      zh = `${zhWhen}为${name?.zh ?? ''}调休上班日，${zhEffect}`;
      en = `${enWhen}: make-up working day for ${name?.en ?? 'a holiday'}, ${enEffect}`;
      break;
    case 'override-holiday':
      zh = `${zhWhen}经管理员设定为休息日${zhNote}，${zhEffect}`;
      en = `${enWhen}: set as a day off by an administrator${enNote}, ${enEffect}`;
      break;
    case 'override-workday':
      zh = `${zhWhen}经管理员设定为工作日${zhNote}，${zhEffect}`;
      en = `${enWhen}: set as a working day by an administrator${enNote}, ${enEffect}`;
      break;
  }
  return {
    kind: 'calendar',
    reason,
    from,
    to,
    days,
    counted,
    ...(name ? { name } : {}),
    ...(first.note ? { note: first.note } : {}),
    zh,
    en,
  };
}
