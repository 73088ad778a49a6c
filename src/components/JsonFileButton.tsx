import { useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

interface JsonFileButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> {
  children: ReactNode;
  /** The hidden input's name for assistive technology and tests ("Dataset file", "Deck file"). */
  inputLabel: string;
  inputTestId?: string;
  onFile: (file: File) => void;
}

/** A button that opens the file picker for one JSON file. */
export function JsonFileButton({ children, inputLabel, inputTestId, onFile, className = 'button', ...buttonProps }: JsonFileButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => inputRef.current?.click()} {...buttonProps}>
        {children}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={inputLabel}
        data-testid={inputTestId}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so picking the same file again (after fixing it) fires a change.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
