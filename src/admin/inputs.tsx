/**
 * Date and whole-number inputs as a Chinese office writes them: dates typed and shown as YYYY-MM-DD
 * (Strapi's picker formats by locale, 2026/12/6), numbers without grouping separators (a year is 2026,
 * not 2,026). Registered for every date and integer field (src/admin/app.tsx).
 */
import * as React from 'react';
import { Field, TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';

interface InputProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  labelAction?: React.ReactNode;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' naming a real day (2026-02-30 is not one). */
export function isIsoDay(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** 2026/3/5, 2026.3.5 and 2026年3月5日 are read as 2026-03-05 once complete. */
function normalise(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim();
}

export const DateInput = React.forwardRef<HTMLInputElement, InputProps>(({ name, label, hint, required, disabled, labelAction }, ref) => {
  const field = useField(name);
  const stored = typeof field.value === 'string' ? field.value.slice(0, 10) : '';
  const [text, setText] = React.useState(stored);
  React.useEffect(() => setText(stored), [stored]);
  const invalid = text !== '' && !isIsoDay(normalise(text));
  return (
    <Field.Root name={name} hint={hint} required={required} error={invalid ? '请按 YYYY-MM-DD 填写存在的日期，如 2026-03-05' : field.error}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        ref={ref}
        value={text}
        disabled={disabled}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        autoComplete="off"
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          const next = e.target.value;
          setText(next);
          const day = normalise(next);
          if (next.trim() === '') field.onChange(name, null);
          else if (isIsoDay(day)) field.onChange(name, day);
        }}
        onBlur={() => {
          const day = normalise(text);
          if (isIsoDay(day)) setText(day);
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export const IntegerInput = React.forwardRef<HTMLInputElement, InputProps>(({ name, label, hint, required, disabled, placeholder, labelAction }, ref) => {
  const field = useField(name);
  const stored = field.value === null || field.value === undefined ? '' : String(field.value);
  const [text, setText] = React.useState(stored);
  React.useEffect(() => setText(stored), [stored]);
  const invalid = text.trim() !== '' && !/^-?\d+$/.test(text.trim());
  return (
    <Field.Root name={name} hint={hint} required={required} error={invalid ? '请填写整数' : field.error}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        ref={ref}
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        inputMode="numeric"
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') field.onChange(name, null);
          else if (/^-?\d+$/.test(next.trim())) field.onChange(name, Number(next.trim()));
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
