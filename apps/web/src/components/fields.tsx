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

/** A field's hint and error message, with the ids its input's aria-describedby names. */
function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

function Group({ id, label, hint, error, labelClass, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
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
  prefix,
  suffix,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { prefix?: string; suffix?: string }) {
  const field = (
    <input
      id={id}
      name={input.name ?? id}
      className={`govuk-input ${className ?? ''}${error ? ' govuk-input--error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      {...input}
    />
  );
  return (
    <Group id={id} label={label} hint={hint} error={error} labelClass={labelClass}>
      {prefix || suffix ? (
        // GOV.UK's prefix and suffix are decoration: the label or hint says the unit too.
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {field}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        field
      )}
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
  anchor,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  legendClass?: string;
  /**
   * Put `id` on the fieldset itself, for an error summary link to land on, when no input inside
   * takes it (radios and checkboxes give it to their first input instead).
   */
  anchor?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(id, hint, error)}
        id={anchor ? id : undefined}
        tabIndex={anchor ? -1 : undefined}
      >
        <legend className={`govuk-fieldset__legend ${legendClass ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
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

export interface Option {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface GroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  legendClass?: string;
  options: Option[];
}

/** Radios or checkboxes in their fieldset; the first box takes the group's id, for error links. */
function ChoiceGroup({
  kind,
  id,
  legend,
  hint,
  error,
  legendClass,
  options,
  inline,
  checked,
  onToggle,
}: GroupProps & {
  kind: 'radios' | 'checkboxes';
  inline?: boolean;
  checked: (value: string) => boolean;
  onToggle: (value: string, on: boolean) => void;
}) {
  const Box = kind === 'radios' ? Radio : Checkbox;
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} legendClass={legendClass}>
      <div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}`} data-module={`govuk-${kind}`}>
        {options.map((option, index) => (
          <Box
            key={option.value}
            id={index === 0 ? id : `${id}-${option.value}`}
            name={id}
            value={option.value}
            label={option.label}
            hint={option.hint}
            checked={checked(option.value)}
            onChange={(event) => onToggle(option.value, event.target.checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/** A fieldset of radios, one value chosen; `inline` for two or three short answers. */
export function Radios({
  value,
  onChange,
  ...group
}: GroupProps & { value: string; onChange: (value: string) => void; inline?: boolean }) {
  return <ChoiceGroup kind="radios" {...group} checked={(option) => option === value} onToggle={(option) => onChange(option)} />;
}

/** A fieldset of checkboxes, any number chosen, kept in the order of the options. */
export function Checkboxes({
  values,
  onChange,
  ...group
}: GroupProps & { values: string[]; onChange: (values: string[]) => void }) {
  return (
    <ChoiceGroup
      kind="checkboxes"
      {...group}
      checked={(option) => values.includes(option)}
      onToggle={(option, on) =>
        onChange(group.options.map((o) => o.value).filter((v) => (v === option ? on : values.includes(v))))
      }
    />
  );
}
