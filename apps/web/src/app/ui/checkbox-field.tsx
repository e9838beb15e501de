import { useId } from 'react';

/** Props of a labelled checkbox. */
export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** A checkbox with its label beside it. */
export function CheckboxField({ label, checked, onCheckedChange, disabled }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => { onCheckedChange(event.target.checked); }}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
