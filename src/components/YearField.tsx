import { useState } from 'react';

interface YearFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (year: number) => void;
}

/**
 * A number field that commits only whole years within bounds, so typing "2", "20", "200" on the
 * way to "2008" never filters the dashboard to the year 2. Arrow keys commit at once.
 */
export function YearField({ label, value, min, max, onCommit }: YearFieldProps) {
  const [draft, setDraft] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  // Follow changes made elsewhere (a brush, a reset) without clobbering the user's typing.
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(String(value));
  }
  return (
    <label className="year-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const year = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(year) && year >= min && year <= max) onCommit(year);
        }}
        onBlur={() => setDraft(String(value))}
      />
    </label>
  );
}
