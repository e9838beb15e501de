import { useId } from 'react';

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
  required?: boolean;
  disabled?: boolean;
}

/** A labelled native select (keyboard and screen-reader friendly on every platform). */
export function SelectField({ label, value, options, onValueChange, error, required, disabled }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        disabled={disabled}
        onChange={(event) => { onValueChange(event.target.value); }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
