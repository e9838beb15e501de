import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame.tsx';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** Props of a labelled text input. */
export interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled input with an optional hint and an error message tied to it for assistive technology. */
export function TextField({ label, value, onValueChange, error, hint, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <input
          {...control}
          value={value}
          onChange={(event) => { onValueChange(event.target.value); }}
          {...input}
        />
      )}
    </FieldFrame>
  );
}
