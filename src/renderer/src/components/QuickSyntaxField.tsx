import { useId, useState } from 'react';
import { parseQuickSyntax, type QuickTask } from '../../../shared/quickSyntax.ts';
import { formatHours, formatMinutes } from '../../../shared/units/duration.ts';
import { formatTokens } from '../../../shared/units/tokens.ts';
import { withSessionFill, type QuickFill } from '../sessions/quickFill.ts';
import './QuickSyntaxField.css';

/** The parse of a quick-syntax line, shown before it is saved. */
export function QuickParsePreview({ task, errors, urgent = false }: { task: QuickTask; errors: string[]; urgent?: boolean }) {
  const parts: Array<[string, string]> = [
    ['Title', task.title],
    ['Human', task.humanSeconds === null ? '' : formatHours(task.humanSeconds)],
    ['Agent', task.agentSeconds === null ? '' : formatMinutes(task.agentSeconds)],
  ];
  if (task.supervisionSeconds !== null) parts.push(['Supervision', formatMinutes(task.supervisionSeconds)]);
  if (task.tokens !== null) parts.push(['Tokens', formatTokens(task.tokens)]);
  if (task.workstream !== null) parts.push(['Workstream', task.workstream]);
  if (task.model !== null) parts.push(['Model', task.model]);
  return (
    <div className="quick-preview" aria-live="polite">
      <dl className="chips">
        {parts.map(([name, value]) => (
          <div className={`chip${value === '' ? ' missing' : ''}`} key={name}>
            <dt>{name}</dt>
            <dd>{value === '' ? '—' : value}</dd>
          </div>
        ))}
      </dl>
      {errors.length > 0 && (
        <p className={urgent ? 'field-error' : 'hint'} role={urgent ? 'alert' : undefined}>
          {errors[0]}
        </p>
      )}
    </div>
  );
}

interface QuickSyntaxFieldProps {
  onSubmit: (task: QuickTask & { humanSeconds: number; agentSeconds: number }) => Promise<boolean>;
  inputRef?: React.Ref<HTMLInputElement>;
  autoFocus?: boolean;
  onEscape?: () => void;
  /** Agent time and tokens from picked sessions, used where the line gives none. */
  fill?: QuickFill | null;
  /** The line to start from (remount with a new key to start again). */
  initialText?: string;
}

/** One line: "Refactor scoring pipeline 6h 8m 40k #scoring"; Enter saves when the parse is complete. */
export function QuickSyntaxField({ onSubmit, inputRef, autoFocus, onEscape, fill, initialText = '' }: QuickSyntaxFieldProps) {
  const [text, setText] = useState(initialText);
  const [showErrors, setShowErrors] = useState(false);
  const id = useId();
  const typed = text.trim() === '' ? null : parseQuickSyntax(text);
  const parse = typed && fill ? withSessionFill(typed, fill) : typed;
  return (
    <div className="quick-field">
      <label htmlFor={id}>Quick add</label>
      <input
        id={id}
        ref={inputRef}
        autoFocus={autoFocus}
        className="quick-input"
        placeholder="Refactor scoring pipeline 6h 8m 40k #scoring"
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setShowErrors(false);
        }}
        onKeyDown={async (event) => {
          if (event.key === 'Escape' && onEscape) {
            event.preventDefault();
            onEscape();
          }
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (!parse) return;
          if (!parse.ok) {
            setShowErrors(true);
            return;
          }
          if (await onSubmit(parse.task)) setText('');
        }}
        aria-describedby={`${id}-help`}
      />
      <p id={`${id}-help`} className="hint">
        Title, then human estimate, agent time, optional supervision, tokens (k/M), #workstream, @model. Enter saves.
      </p>
      {parse && <QuickParsePreview task={parse.task} errors={parse.ok ? [] : parse.errors} urgent={showErrors} />}
    </div>
  );
}
