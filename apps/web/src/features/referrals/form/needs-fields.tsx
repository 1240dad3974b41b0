import { Checkbox, Fieldset, Select } from '../../../components/fields';
import { NEED_GROUP_WORDS, NEED_LEVEL_WORDS, NEEDS_TAXONOMY, needWords } from '../../../lib/words';
import type { StepProps } from './steps';

/** The child's needs, by group: each chosen need opens its level and whether it is essential. */
export function NeedsFields({ values, set, problem }: StepProps) {
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
