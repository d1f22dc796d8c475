import * as React from 'react';
import {
  Field,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
} from '@strapi/design-system';

/** What every labelled field of the plugin's forms takes: its name, its Chinese label, a hint. */
interface FieldFrame {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

/**
 * A text field: one line (text, date, tel, email; a number typed as text, within `range`) or several;
 * `error` shown under it while the value is wrong.
 */
export const TextField = ({
  name,
  label,
  hint,
  required = false,
  value,
  onChange,
  type,
  range,
  multiline = false,
  error,
}: FieldFrame & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'tel' | 'email' | 'number';
  range?: { min?: number; max?: number; step?: number | string };
  multiline?: boolean;
  error?: string;
}) => (
  <Field.Root name={name} required={required} hint={hint} error={error}>
    <Field.Label>{label}</Field.Label>
    {multiline ? (
      <Textarea value={value} onChange={(e) => onChange(e.target.value)} />
    ) : (
      <TextInput type={type} {...range} value={value} onChange={(e) => onChange(e.target.value)} />
    )}
    {hint && <Field.Hint />}
    {error && <Field.Error />}
  </Field.Root>
);

/** A choice among codes, each shown by its word. */
export const SelectField = <Code extends string>({
  name,
  label,
  hint,
  required = false,
  value,
  onChange,
  options,
  placeholder,
}: FieldFrame & {
  value: Code | '';
  onChange: (value: Code) => void;
  options: ReadonlyArray<{ value: Code; label: string }>;
  placeholder?: string;
}) => (
  <Field.Root name={name} required={required} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value}
      placeholder={placeholder}
      onChange={(chosen) => onChange(chosen as Code)}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    {hint && <Field.Hint />}
  </Field.Root>
);

/** A cell of a two-column form: half the width, or the whole width (`wide`), one column on phones. */
export const FormCell = ({
  wide = false,
  children,
}: {
  wide?: boolean;
  children: React.ReactNode;
}) => (
  <Grid.Item col={wide ? 12 : 6} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);
