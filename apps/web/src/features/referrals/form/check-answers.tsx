import { dateFromParts } from '../../../lib/date-parts';
import { formatDate, formatWeeklyCost } from '../../../lib/format';
import { categoryOfNeedWords, GENDER_WORDS, legalStatusWords, needWords, placementTypeWords } from '../../../lib/words';
import type { ReferralValues } from '../referral-draft';
import type { Step } from './steps';

/** Every answer with a link back to the step that asks it; an emergency's urgency is not the officer's to change. */
export function CheckAnswers({ values, steps, onChange }: { values: ReferralValues; steps: Step[]; onChange: (step: number) => void }) {
  const stepOf = (field: string) => Math.max(0, steps.findIndex((step) => step.fields.includes(field)));
  const needs = Object.entries(values.needs);
  const rows: [string, string, React.ReactNode][] = [
    ['child.localReference', 'Case reference', values.localReference],
    ['child.dateOfBirth', 'Date of birth', formatDate(dateFromParts(values.dateOfBirth))],
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
    ['requiredBy', 'Needed by', formatDate(dateFromParts(values.requiredBy))],
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
