import { FieldFrame } from './field-frame.tsx';

/** One choice in a select. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of a labelled select. */
export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/** A labelled native select (keyboard and screen-reader friendly on every platform). */
export function SelectField({ label, value, options, onValueChange, error, hint, required, disabled }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value}
          required={required}
          disabled={disabled}
          onChange={(event) => { onValueChange(event.target.value); }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
