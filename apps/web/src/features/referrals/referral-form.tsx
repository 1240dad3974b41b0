import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorSummary } from '../../components/error-summary';
import { Checkbox, Fieldset, Radio, Select, Textarea, TextInput } from '../../components/fields';
import { clearDraft, loadDraft, saveDraft } from '../../lib/draft';
import { formatDate, formatWeeklyCost } from '../../lib/format';
import { postcodeProblem } from '../../lib/postcode';
import {
  categoryOfNeedWords,
  GENDER_WORDS,
  legalStatusWords,
  NEED_GROUP_WORDS,
  NEED_LEVEL_WORDS,
  NEEDS_TAXONOMY,
  needWords,
  placementTypeWords,
  SETTING_PLACEMENT_TYPES,
  SSDA903,
} from '../../lib/words';
import { checkValues, fieldId, type Draft, type Kind, newDraft, type ReferralValues, toRequest } from './referral-draft';

interface Step {
  title: string;
  /** The api fields this step asks for: its checks and the server's problems land here. */
  fields: readonly string[];
  render: (form: StepProps) => React.ReactNode;
}

interface StepProps {
  values: ReferralValues;
  set: <K extends keyof ReferralValues>(key: K, value: ReferralValues[K]) => void;
  problem: (field: string) => string | undefined;
  kind: Kind;
}

const CHILD_FIELDS = [
  'child.localReference',
  'child.dateOfBirth',
  'child.gender',
  'child.homePostcode',
  'child.legalStatus',
  'child.categoryOfNeed',
  'child.siblingGroupSize',
  'child.ehcp',
  'child.preferences',
] as const;
const NEEDS_FIELDS = ['child.needs'] as const;
const PLACEMENT_FIELDS = ['urgency', 'requiredBy', 'placementTypes', 'maxDistanceMiles', 'weeklyBudget', 'notes'] as const;

const childStep: Step = { title: 'About the child', fields: CHILD_FIELDS, render: (form) => <ChildFields {...form} /> };
const needsStep: Step = { title: "The child's needs", fields: NEEDS_FIELDS, render: (form) => <NeedsFields {...form} /> };
const placementStep: Step = {
  title: 'The placement needed',
  fields: PLACEMENT_FIELDS,
  render: (form) => <PlacementFields {...form} />,
};
const emergencyChildStep: Step = {
  title: 'About the child',
  fields: [...CHILD_FIELDS, ...NEEDS_FIELDS],
  render: (form) => (
    <>
      <ChildFields {...form} />
      <NeedsFields {...form} />
    </>
  ),
};

/** A planned or urgent referral in three questions and a check; an emergency in two and a check. */
const STEPS: Record<Kind, Step[]> = {
  planned: [childStep, needsStep, placementStep],
  emergency: [emergencyChildStep, placementStep],
};

/**
 * The referral form. One Idempotency-Key per form, kept with the draft: a double click, a retry
 * after a network error or a reload sends the same key, so the api makes one referral.
 */
export function ReferralForm({ kind }: { kind: Kind }) {
  const draftName = `referral-${kind}`;
  const [draft, setDraft] = useState<Draft>(() => loadDraft<Draft>(draftName) ?? newDraft(kind));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const steps = STEPS[kind];
  const checking = draft.step >= steps.length;
  const step = steps[Math.min(draft.step, steps.length - 1)];

  useEffect(() => saveDraft(draftName, draft), [draftName, draft]);
  useEffect(() => heading.current?.focus(), [draft.step]);

  const set: StepProps['set'] = (key, value) => setDraft((current) => ({ ...current, values: { ...current.values, [key]: value } }));
  const goTo = (index: number) => setDraft((current) => ({ ...current, step: index }));
  // `child.needs[0].level` belongs beside the needs question.
  const problem = (field: string) =>
    problems[field] ?? Object.entries(problems).find(([key]) => key.startsWith(`${field}[`) || key.startsWith(`${field}.`))?.[1];

  function next(event: FormEvent) {
    event.preventDefault();
    const found = checkValues(draft.values, step.fields);
    setProblems(found);
    if (Object.keys(found).length === 0) goTo(draft.step + 1);
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (sending) return; // a second click while the first is on its way
    const found = checkValues(draft.values, steps.flatMap((each) => each.fields));
    if (Object.keys(found).length > 0) return showProblems(found);
    setSending(true);
    setFailure(null);
    try {
      const referral = await unwrap(
        api.POST('/api/v1/referrals', {
          params: { header: { 'Idempotency-Key': draft.idempotencyKey } },
          body: toRequest(draft.values),
        }),
      );
      clearDraft(draftName);
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void navigate({ to: '/referrals/$referralId', params: { referralId: referral.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.body.details?.length) {
        showProblems(Object.fromEntries(error.body.details.map((detail) => [detail.field, detail.problem])));
      } else if (error instanceof ApiError && error.status === 409) {
        setFailure('This form was already used for another referral. Start a new referral to send this one.');
      } else if (error instanceof ApiError && error.status === 401) {
        setFailure('Sign in again, then send the referral: nothing you typed is lost.');
      } else {
        setFailure('The referral could not be sent. Check your connection and send it again: it will not be sent twice.');
      }
    } finally {
      setSending(false);
    }
  }

  /** The server's problems by field: back to the first step that asks for one of them. */
  function showProblems(found: Record<string, string>) {
    setProblems(found);
    const first = steps.findIndex((each) => Object.keys(found).some((field) => each.fields.some((own) => field.startsWith(own))));
    goTo(first >= 0 ? first : 0);
  }

  function startAgain() {
    clearDraft(draftName);
    setProblems({});
    setDraft(newDraft(kind));
  }

  const stepErrors = Object.entries(problems)
    .filter(([field]) => checking || step.fields.some((own) => field.startsWith(own)))
    .map(([field, text]) => ({ href: fieldId(field), text: `${fieldLabel(field)}: ${text}` }));
  const caption = kind === 'emergency' ? 'Emergency referral' : 'New referral';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {draft.step > 0 ? (
          <a
            href="#"
            className="govuk-back-link"
            onClick={(event) => {
              event.preventDefault();
              goTo(draft.step - 1);
            }}
          >
            Back
          </a>
        ) : null}
        {failure ? (
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">The referral was not sent</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{failure}</p>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={stepErrors} />
        <span className="govuk-caption-l">
          {caption}: step {Math.min(draft.step + 1, steps.length + 1)} of {steps.length + 1}
        </span>
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          {checking ? 'Check the referral, then send it' : step.title}
        </h1>
        {kind === 'emergency' && draft.step === 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              An emergency is matched ahead of all other work, against beds ready for an emergency today.
            </strong>
          </div>
        ) : null}
        {checking ? (
          <form onSubmit={send} noValidate>
            <CheckAnswers values={draft.values} steps={steps} onChange={goTo} />
            <button type="submit" className="govuk-button" disabled={sending} aria-disabled={sending}>
              {sending ? 'Sending…' : kind === 'emergency' ? 'Send emergency referral' : 'Send referral'}
            </button>
          </form>
        ) : (
          <form onSubmit={next} noValidate>
            {step.render({ values: draft.values, set, problem, kind })}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Continue
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={startAgain}>
                Start again
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}

const LABELS: Record<string, string> = {
  'child.localReference': 'Case reference',
  'child.dateOfBirth': 'Date of birth',
  'child.gender': 'Gender',
  'child.homePostcode': 'Home postcode',
  'child.legalStatus': 'Legal status',
  'child.categoryOfNeed': 'Category of need',
  'child.siblingGroupSize': 'Children to place together',
  'child.needs': 'Needs',
  urgency: 'Urgency',
  requiredBy: 'Needed by',
  placementTypes: 'Kinds of placement',
  maxDistanceMiles: 'Furthest from home',
  weeklyBudget: 'Weekly budget',
  notes: 'Notes',
};
const fieldLabel = (field: string) => LABELS[field] ?? LABELS[field.replace(/\[\d+\].*$/, '')] ?? field;

function ChildFields({ values, set, problem }: StepProps) {
  const [postcodeHint, setPostcodeHint] = useState<string | undefined>();
  return (
    <>
      <TextInput
        id="child-localReference"
        label="Your case reference for the child"
        hint="Only your LA sees it. Providers never see the child's name, reference, date of birth or address before an offer is accepted."
        className="govuk-input--width-20"
        value={values.localReference}
        onChange={(event) => set('localReference', event.target.value)}
        error={problem('child.localReference')}
      />
      <TextInput
        id="child-dateOfBirth"
        label="Date of birth"
        type="date"
        className="govuk-input--width-10"
        value={values.dateOfBirth}
        onChange={(event) => set('dateOfBirth', event.target.value)}
        error={problem('child.dateOfBirth')}
      />
      <Fieldset id="child-gender" legend="Gender" error={problem('child.gender')}>
        <div className="govuk-radios govuk-radios--inline govuk-radios--small">
          {Object.entries(GENDER_WORDS).map(([code, words], index) => (
            <Radio
              key={code}
              id={index === 0 ? 'child-gender' : `child-gender-${code}`}
              name="child-gender"
              value={code}
              label={words}
              checked={values.gender === code}
              onChange={() => set('gender', code)}
            />
          ))}
        </div>
      </Fieldset>
      <TextInput
        id="child-homePostcode"
        label="Home postcode"
        hint="Where the child lives now: distances are measured from its district."
        className="govuk-input--width-10"
        autoComplete="off"
        value={values.homePostcode}
        onChange={(event) => {
          set('homePostcode', event.target.value);
          setPostcodeHint(event.target.value.trim().length >= 5 ? postcodeProblem(event.target.value) : undefined);
        }}
        onBlur={(event) => setPostcodeHint(postcodeProblem(event.target.value))}
        error={problem('child.homePostcode') ?? postcodeHint}
      />
      <Select
        id="child-legalStatus"
        label="Legal status"
        value={values.legalStatus}
        onChange={(event) => set('legalStatus', event.target.value)}
        error={problem('child.legalStatus')}
      >
        <option value="">Select the legal status</option>
        {Object.keys(SSDA903.legalStatus).map((code) => (
          <option key={code} value={code}>
            {legalStatusWords(code)} ({code})
          </option>
        ))}
      </Select>
      <Select
        id="child-categoryOfNeed"
        label="Category of need"
        value={values.categoryOfNeed}
        onChange={(event) => set('categoryOfNeed', event.target.value)}
        error={problem('child.categoryOfNeed')}
      >
        <option value="">Select the category of need</option>
        {Object.keys(SSDA903.categoryOfNeed).map((code) => (
          <option key={code} value={code}>
            {categoryOfNeedWords(code)} ({code})
          </option>
        ))}
      </Select>
      <TextInput
        id="child-siblingGroupSize"
        label="Children to be placed together"
        hint="1 for a child on their own; a sibling group needs as many beds."
        inputMode="numeric"
        className="govuk-input--width-3"
        value={values.siblingGroupSize}
        onChange={(event) => set('siblingGroupSize', event.target.value)}
        error={problem('child.siblingGroupSize')}
      />
      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-6">
        <Checkbox
          id="child-ehcp"
          label="The child has an education, health and care plan"
          checked={values.ehcp}
          onChange={(event) => set('ehcp', event.target.checked)}
        />
      </div>
    </>
  );
}

function NeedsFields({ values, set, problem }: StepProps) {
  const toggle = (code: string, on: boolean) => {
    const needs = { ...values.needs };
    if (on) needs[code] = { level: 2, essential: false };
    else delete needs[code];
    set('needs', needs);
  };
  const change = (code: string, choice: Partial<{ level: number; essential: boolean }>) =>
    set('needs', { ...values.needs, [code]: { ...values.needs[code], ...choice } });
  return (
    <Fieldset
      id="child-needs"
      legend="Which needs must the placement support?"
      legendClass="govuk-fieldset__legend--m"
      hint="Choose each need and how much support it takes. An essential need rules out homes that cannot meet it; the others only lower a home's score."
      error={problem('child.needs')}
    >
      {Object.entries(NEEDS_TAXONOMY).map(([group, codes]) => (
        <div key={group} className="govuk-!-margin-bottom-4">
          <h2 className="govuk-heading-s">{NEED_GROUP_WORDS[group as keyof typeof NEED_GROUP_WORDS]}</h2>
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {codes.map((code, index) => {
              const choice = values.needs[code];
              const id = `need-${code}`;
              return (
                <div key={code}>
                  <Checkbox
                    id={group === 'behaviour' && index === 0 ? 'child-needs' : id}
                    label={needWords(code)}
                    checked={Boolean(choice)}
                    onChange={(event) => toggle(code, event.target.checked)}
                    aria-controls={`${id}-detail`}
                    aria-expanded={Boolean(choice)}
                  />
                  {choice ? (
                    <div className="govuk-checkboxes__conditional" id={`${id}-detail`}>
                      <Select
                        id={`${id}-level`}
                        label={`Support needed for ${needWords(code).toLowerCase()}`}
                        value={String(choice.level)}
                        onChange={(event) => change(code, { level: Number(event.target.value) })}
                      >
                        {[1, 2, 3].map((level) => (
                          <option key={level} value={level}>
                            {NEED_LEVEL_WORDS[level]}
                          </option>
                        ))}
                      </Select>
                      <div className="govuk-checkboxes govuk-checkboxes--small">
                        <Checkbox
                          id={`${id}-essential`}
                          label={`Essential: only homes that can support ${needWords(code).toLowerCase()} at this level`}
                          checked={choice.essential}
                          onChange={(event) => change(code, { essential: event.target.checked })}
                        />
                      </div>
                    </div>
                  ) : null}
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </Fieldset>
  );
}

function PlacementFields({ values, set, problem, kind }: StepProps) {
  const toggleType = (code: string, on: boolean) =>
    set('placementTypes', on ? [...values.placementTypes, code] : values.placementTypes.filter((type) => type !== code));
  return (
    <>
      {kind === 'planned' ? (
        <Fieldset id="urgency" legend="How urgent is it?" error={problem('urgency')}>
          <div className="govuk-radios govuk-radios--small">
            <Radio
              id="urgency"
              name="urgency"
              label="Planned"
              checked={values.urgency === 'planned'}
              onChange={() => set('urgency', 'planned')}
            />
            <Radio
              id="urgency-urgent"
              name="urgency"
              label="Urgent"
              hint="Needed within days: for tonight, use an emergency referral."
              checked={values.urgency === 'urgent'}
              onChange={() => set('urgency', 'urgent')}
            />
          </div>
        </Fieldset>
      ) : null}
      <TextInput
        id="requiredBy"
        label="Needed by"
        type="date"
        className="govuk-input--width-10"
        value={values.requiredBy}
        onChange={(event) => set('requiredBy', event.target.value)}
        error={problem('requiredBy')}
      />
      <Fieldset id="placementTypes" legend="Kinds of placement" hint="Select every kind that would suit the child." error={problem('placementTypes')}>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {SETTING_PLACEMENT_TYPES.map((code, index) => (
            <Checkbox
              key={code}
              id={index === 0 ? 'placementTypes' : `placementTypes-${code}`}
              label={`${placementTypeWords(code)} (${code})`}
              checked={values.placementTypes.includes(code)}
              onChange={(event) => toggleType(code, event.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
      <TextInput
        id="maxDistanceMiles"
        label="Furthest from home, in miles (optional)"
        hint="Homes further away are ruled out. Leave empty to search the whole country; nearer homes still score higher."
        inputMode="numeric"
        className="govuk-input--width-4"
        value={values.maxDistanceMiles}
        onChange={(event) => set('maxDistanceMiles', event.target.value)}
        error={problem('maxDistanceMiles')}
      />
      <TextInput
        id="weeklyBudget"
        label="Weekly budget in pounds (optional)"
        inputMode="numeric"
        className="govuk-input--width-5"
        value={values.weeklyBudget}
        onChange={(event) => set('weeklyBudget', event.target.value)}
        error={problem('weeklyBudget')}
      />
      <Textarea
        id="notes"
        label="Notes for your team (optional)"
        hint="Never shared with providers."
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
        error={problem('notes')}
      />
    </>
  );
}

function CheckAnswers({ values, steps, onChange }: { values: ReferralValues; steps: Step[]; onChange: (step: number) => void }) {
  const stepOf = (field: string) => Math.max(0, steps.findIndex((step) => step.fields.includes(field)));
  const needs = Object.entries(values.needs);
  const rows: [string, string, React.ReactNode][] = [
    ['child.localReference', 'Case reference', values.localReference],
    ['child.dateOfBirth', 'Date of birth', formatDate(values.dateOfBirth)],
    ['child.gender', 'Gender', GENDER_WORDS[values.gender] ?? ''],
    ['child.homePostcode', 'Home postcode', values.homePostcode.toUpperCase()],
    ['child.legalStatus', 'Legal status', `${legalStatusWords(values.legalStatus)} (${values.legalStatus})`],
    ['child.categoryOfNeed', 'Category of need', `${categoryOfNeedWords(values.categoryOfNeed)} (${values.categoryOfNeed})`],
    ['child.siblingGroupSize', 'Children to place together', values.siblingGroupSize],
    [
      'child.needs',
      'Needs',
      needs.length === 0 ? (
        'None stated'
      ) : (
        <ul className="govuk-list">
          {needs.map(([code, choice]) => (
            <li key={code}>
              {needWords(code)}, level {choice.level}
              {choice.essential ? ' (essential)' : ''}
            </li>
          ))}
        </ul>
      ),
    ],
    ['urgency', 'Urgency', values.urgency === 'emergency' ? 'Emergency' : values.urgency === 'urgent' ? 'Urgent' : 'Planned'],
    ['requiredBy', 'Needed by', formatDate(values.requiredBy)],
    ['placementTypes', 'Kinds of placement', values.placementTypes.map(placementTypeWords).join(', ')],
    ['maxDistanceMiles', 'Furthest from home', values.maxDistanceMiles ? `${values.maxDistanceMiles} miles` : 'No limit'],
    ['weeklyBudget', 'Weekly budget', values.weeklyBudget ? formatWeeklyCost(Number(values.weeklyBudget.replace(/[£,]/g, ''))) : 'Not stated'],
  ];
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-9">
      {rows.map(([field, label, value]) => (
        <div className="govuk-summary-list__row" key={field}>
          <dt className="govuk-summary-list__key">{label}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
          <dd className="govuk-summary-list__actions">
            {field === 'urgency' && values.urgency === 'emergency' ? null : (
              <a
                className="govuk-link"
                href="#"
                onClick={(event) => {
                  event.preventDefault();
                  onChange(stepOf(field));
                }}
              >
                Change<span className="govuk-visually-hidden"> {label.toLowerCase()}</span>
              </a>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
