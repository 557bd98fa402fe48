import { useId } from 'preact/hooks';
import { ErrorLine, refused } from './StatusLine';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'password';
  multiline?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  maxLength?: number;
  name?: string;
  /** Values offered as the user types (a datalist); any other text is still allowed. */
  suggestions?: readonly string[];
  /** A save refused what it holds: the message, shown below it; or true when the form says why elsewhere. */
  invalid?: string | boolean | undefined;
}

/** A labelled input: every field has a visible label tied to it, for screen readers and click targets. */
export function TextField({
  label,
  value,
  onInput,
  type = 'text',
  multiline,
  maxLength = 500,
  suggestions,
  invalid,
  ...rest
}: Props) {
  const id = useId();
  const common = {
    id,
    value,
    maxLength,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    ...(rest.name ? { name: rest.name } : {}),
    ...(rest.placeholder ? { placeholder: rest.placeholder } : {}),
    required: rest.required,
    autoFocus: rest.autoFocus,
    ...refused(invalid, `${id}-error`),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input
          // Preact 11 types each input type separately; any of ours takes the same attributes.
          type={type as 'text'}
          autoComplete="off"
          {...(suggestions ? { list: `${id}-list` } : {})}
          {...common}
        />
      )}
      {suggestions && !multiline && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {typeof invalid === 'string' && <ErrorLine text={invalid} id={`${id}-error`} />}
    </div>
  );
}
