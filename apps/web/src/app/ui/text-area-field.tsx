import { FieldFrame } from './field-frame.tsx';

/** Props of a labelled textarea. */
export interface TextAreaFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
  maxLength?: number;
  className?: string;
}

/** A labelled textarea with an optional hint and an error message tied to it for assistive technology. */
export function TextAreaField({ label, value, onValueChange, error, hint, rows = 3, maxLength, className }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <textarea
          {...control}
          value={value}
          rows={rows}
          maxLength={maxLength}
          onChange={(event) => { onValueChange(event.target.value); }}
        />
      )}
    </FieldFrame>
  );
}
