// The ICPC-2 reason field: type a code ("u71") or words ("blære"), arrow keys move in the suggestions, Enter picks one; "Ingen treff" with a hint when nothing matches.
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { searchIcpc2 } from '../../../../domain/consultations/icpc2-starter';
import { FieldError } from '../../components/fields';
import { useT } from '../../i18n';

export interface Icpc2Option {
  code: string;
  title: string;
  keywords: readonly string[];
}

interface Icpc2PickerProps {
  id: string;
  label: string;
  codes: readonly Icpc2Option[];
  /** The chosen code, '' when none. */
  value: string;
  onChange: (code: string) => void;
  onBlur: () => void;
  error?: string | undefined;
}

const SUGGESTIONS = 8;

export function describeCode(codes: readonly Icpc2Option[], code: string): string {
  const found = codes.find((option) => option.code === code);
  return found ? `${found.code} – ${found.title}` : code;
}

export function Icpc2Picker({ id, label, codes, value, onChange, onBlur, error }: Icpc2PickerProps) {
  const { t } = useT();
  const listId = useId();
  const [text, setText] = useState(() => (value ? describeCode(codes, value) : ''));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The form reset the value (after a save): show the empty field again.
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setText(value ? describeCode(codes, value) : '');
  }
  const suggestions = useMemo(() => (text.trim() === '' ? [] : searchIcpc2(text, codes, SUGGESTIONS)), [text, codes]);
  const showList = open && suggestions.length > 0 && text !== describeCode(codes, value);
  const noMatch = text.trim() !== '' && suggestions.length === 0 && text !== describeCode(codes, value);

  function choose(option: Icpc2Option) {
    onChange(option.code);
    setLastValue(option.code);
    setText(`${option.code} – ${option.title}`);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (suggestions.length === 0 ? 0 : (current + step + suggestions.length) % suggestions.length));
    } else if (event.key === 'Enter' && showList) {
      event.preventDefault();
      const option = suggestions[active] ?? suggestions[0];
      if (option) choose(option);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const describedBy = [`${id}-hint`, noMatch ? `${id}-none` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field icpc2-picker${error ? ' field--error' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('consultations.icpc2Hint')}
      </p>
      <input
        id={id}
        className="input input--long"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          setOpen(true);
          setActive(0);
          const exact = codes.find((option) => option.code === next.trim().toUpperCase());
          onChange(exact ? exact.code : '');
          setLastValue(exact ? exact.code : '');
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
      />
      {showList && (
        <ul id={listId} role="listbox" className="icpc2-suggestions" aria-label={label}>
          {suggestions.map((option, index) => (
            <li
              key={option.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'icpc2-suggestion icpc2-suggestion--active' : 'icpc2-suggestion'}
              // Chosen on mousedown, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              <strong>{option.code}</strong> {option.title}
            </li>
          ))}
        </ul>
      )}
      <div id={`${id}-none`} className="icpc2-no-match" role="status">
        {noMatch && (
          <>
            <p>
              <strong>{t('consultations.icpc2NoMatch', { text: text.trim() })}</strong>
            </p>
            <p className="field-hint">{t('consultations.icpc2NoMatchHint')}</p>
          </>
        )}
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}
