import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Render the label as the page's heading (GOV.UK's one-question pages). */
  labelClass?: string;
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Group({ id, label, hint, error, labelClass, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextInput({
  id,
  label,
  hint,
  error,
  labelClass,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Group id={id} label={label} hint={hint} error={error} labelClass={labelClass}>
      <input
        id={id}
        name={input.name ?? id}
        className={`govuk-input ${className ?? ''}${error ? ' govuk-input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </Group>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  labelClass,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Group id={id} label={label} hint={hint} error={error} labelClass={labelClass}>
      <select
        id={id}
        name={select.name ?? id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </Group>
  );
}

export function Textarea({
  id,
  label,
  hint,
  error,
  labelClass,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Group id={id} label={label} hint={hint} error={error} labelClass={labelClass}>
      <textarea
        id={id}
        name={textarea.name ?? id}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        rows={textarea.rows ?? 4}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </Group>
  );
}

/** A GOV.UK fieldset of checkboxes or radios, with its legend, hint and error. */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  legendClass,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  legendClass?: string;
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClass ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {children}
      </fieldset>
    </div>
  );
}

type ChoiceProps = { id: string; label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>;

/** One GOV.UK checkbox or radio, with its label and hint. */
function Choice({ kind, id, label, hint, ...input }: ChoiceProps & { kind: 'checkboxes' | 'radios' }) {
  return (
    <div className={`govuk-${kind}__item`}>
      <input
        className={`govuk-${kind}__input`}
        id={id}
        type={kind === 'checkboxes' ? 'checkbox' : 'radio'}
        {...input}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className={`govuk-hint govuk-${kind}__hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export const Checkbox = (props: ChoiceProps) => <Choice kind="checkboxes" {...props} />;
export const Radio = (props: ChoiceProps) => <Choice kind="radios" {...props} />;
