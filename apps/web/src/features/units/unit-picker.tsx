import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAgencyCode, TForce, TUnit } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { useDebounced } from '../../app/use-debounced.ts';
import { FieldFrame } from '../../app/ui/field-frame.tsx';
import { getUnit, listUnits } from './units-api.ts';
import { isMoveKey, moveActive, PICKER_PAGE, searchText, unitChoiceLabel } from './unit-picker-model.ts';

/** Props of {@link UnitPicker}. */
export interface UnitPickerProps {
  label: string;
  /** The chosen unit's id; '' for none. */
  value: string;
  onValueChange: (id: string, unit: TUnit | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  /** Only units of this agency or force are offered (the server filters, so paging stays right). */
  agency?: TAgencyCode | undefined;
  force?: TForce | undefined;
  /** Units that cannot be chosen here (the unit itself, a parent the rule refuses) are left out of the list. */
  accept?: ((unit: TUnit) => boolean) | undefined;
  /** When set, the list starts with this choice of no unit. */
  noneLabel?: string | undefined;
}

interface Results {
  items: TUnit[];
  total: number;
}

/**
 * A unit chosen by typing part of its name or short name: the server searches every unit the user may read (case
 * and accents ignored), {@link PICKER_PAGE} at a time, so a country's thousands of units are all reachable. A
 * WAI-ARIA combobox: arrows move, Enter chooses, Escape closes; the label, hint and error are tied to the input.
 */
export function UnitPicker({ label, value, onValueChange, error, hint, required, disabled, agency, force, accept, noneLabel }: UnitPickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [chosen, setChosen] = useState<TUnit | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<Results | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const chosenLabel = chosen ? unitChoiceLabel(chosen) : null;
  const wanted = searchText(text, chosenLabel);
  const query = useDebounced(wanted, 200);
  const input = useRef<HTMLInputElement>(null);

  // The chosen unit's name when the value comes from outside (a form's initial value, a reset).
  useEffect(() => {
    if (value === '') {
      setChosen(null);
      if (document.activeElement !== input.current) setText('');
      return;
    }
    if (chosen?.id === value) return;
    const controller = new AbortController();
    getUnit(value, controller.signal).then(
      (unit) => {
        setChosen(unit);
        setText(unitChoiceLabel(unit));
      },
      () => undefined, // an unreadable id shows as empty; the form's own check speaks for it
    );
    return () => { controller.abort(); };
  }, [value]);

  // The search, while the list is open, once the typing pauses: the newest text wins, an older answer is dropped.
  useEffect(() => {
    if (!open || query !== wanted) return;
    const controller = new AbortController();
    setFailure(null);
    listUnits({ q: query || undefined, agency, force, limit: PICKER_PAGE, offset: 0 }, controller.signal).then(
      (page) => {
        setResults(page);
        setActive(-1);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setFailure(errorMessage(cause));
      },
    );
    return () => { controller.abort(); };
  }, [open, query, wanted, agency, force]);

  const units = (results?.items ?? []).filter((u) => u.id === value || !accept || accept(u));
  const options: (TUnit | null)[] = noneLabel !== undefined ? [null, ...units] : units;
  const optionId = (i: number): string => `${listId}-option-${i}`;

  const choose = (unit: TUnit | null): void => {
    setChosen(unit);
    setText(unit ? unitChoiceLabel(unit) : '');
    setResults(null);
    setOpen(false);
    if ((unit?.id ?? '') !== value) onValueChange(unit?.id ?? '', unit);
  };

  /** Leaving the field: an emptied optional field means no unit; any other text goes back to the chosen unit. */
  const settle = (): void => {
    setOpen(false);
    if (text.trim() === '' && !required && value !== '') choose(null);
    else setText(chosenLabel ?? '');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const { key } = event;
    if (isMoveKey(key) && (open || key === 'ArrowDown')) {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => moveActive(a, options.length, key));
    } else if (key === 'Enter' && open) {
      event.preventDefault(); // choosing is not submitting the form
      if (active >= 0 && active < options.length) choose(options[active] ?? null);
    } else if (key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(chosenLabel ?? '');
    }
  };

  const status = failure
    ?? (!results ? t('app.loading')
      : units.length === 0 ? t('units.picker.none')
      : results.total > results.items.length ? t('units.picker.more', { shown: results.items.length, total: results.total })
      : null);

  return (
    <FieldFrame label={label} error={error} hint={hint ?? t('units.picker.hint')} className="unit-picker">
      {(control) => (
        <div className="picker">
          <input
            {...control}
            ref={input}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            aria-required={required}
            disabled={disabled}
            value={text}
            placeholder={noneLabel}
            onChange={(event) => {
              setText(event.target.value);
              setResults(null); // no option of an older search stays choosable while the new one is asked
              setOpen(true);
            }}
            // Opened by a click, typing or ArrowDown, not by focus alone (a form's check moves the focus here).
            onClick={() => { setOpen(true); }}
            onBlur={settle}
            onKeyDown={onKeyDown}
          />
          {open && (
            <div className="picker-popup">
              <ul id={listId} role="listbox" aria-label={label}>
                {options.map((unit, i) => (
                  <li
                    key={unit?.id ?? 'none'}
                    id={optionId(i)}
                    role="option"
                    aria-selected={(unit?.id ?? '') === value}
                    className={i === active ? 'picker-option active' : 'picker-option'}
                    // mousedown, not click: the input keeps its focus, so its blur does not close the list first
                    onMouseDown={(event) => {
                      event.preventDefault();
                      choose(unit);
                    }}
                  >
                    {unit ? (
                      <>
                        <span>{unitChoiceLabel(unit)}</span>
                        <span className="picker-option-meta">{t(`force.${unit.force}`)}</span>
                      </>
                    ) : noneLabel}
                  </li>
                ))}
              </ul>
              {status && <p className="picker-status" role="status">{status}</p>}
            </div>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
