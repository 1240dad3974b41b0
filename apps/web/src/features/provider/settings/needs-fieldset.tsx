import { problemAt } from '../../../api/problems';
import type { FieldError } from '../../../components/error-summary';
import { Fieldset, Select } from '../../../components/fields';
import { NEED_GROUP_WORDS, NEEDS_TAXONOMY, needWords } from '../../../lib/words';
import { needInputId, SETTING_FIELDS, type NeedChoice } from './setting-draft';

const CHOICES: { value: NeedChoice; label: string }[] = [
  { value: '', label: 'Not stated' },
  { value: '1', label: 'Supported: level 1 (low)' },
  { value: '2', label: 'Supported: level 2 (moderate)' },
  { value: '3', label: 'Supported: level 3 (high)' },
  { value: 'excluded', label: 'Cannot accept' },
];

/**
 * The needs taxonomy, group by group: for each need, the level the home supports, or that it cannot
 * accept a child with it. One choice a need, so a need is never both supported and excluded.
 */
export function NeedsFieldset({
  needs,
  onChange,
  errors,
}: {
  needs: Record<string, NeedChoice>;
  onChange: (needs: Record<string, NeedChoice>) => void;
  errors: FieldError[];
}) {
  return (
    <Fieldset
      id={SETTING_FIELDS.needsSupported.id}
      legend="Needs the home supports"
      legendClass="govuk-fieldset__legend--m"
      anchor
      hint="Level 3 means the home can meet the need at its most intense. A child whose essential need is above the level, or who has a need the home cannot accept, is not matched to it."
      error={problemAt(errors, SETTING_FIELDS.needsSupported.id)}
    >
      {(Object.keys(NEEDS_TAXONOMY) as (keyof typeof NEEDS_TAXONOMY)[]).map((group) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={group}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{NEED_GROUP_WORDS[group]}</legend>
          <div className="app-need-grid">
            {NEEDS_TAXONOMY[group].map((code) => (
              <Select
                key={code}
                id={needInputId(code)}
                label={needWords(code)}
                value={needs[code] ?? ''}
                onChange={(event) => onChange({ ...needs, [code]: event.target.value as NeedChoice })}
                error={problemAt(errors, needInputId(code))}
              >
                {CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </Select>
            ))}
          </div>
        </fieldset>
      ))}
    </Fieldset>
  );
}
