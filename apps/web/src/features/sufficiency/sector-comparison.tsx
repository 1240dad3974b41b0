import { barLengths, COMPARISON_MEASURES, NO_DATA, SECTOR_GROUP_WORDS, type SectorComparison } from './benchmarks';

/**
 * In-house against independent: a table of the figures, then each measure as two labelled bars.
 * The bars repeat the table's figures in words, so colour and length never carry meaning alone.
 */
export function SectorComparisonSection({ sectors }: { sectors: SectorComparison[] }) {
  return (
    <section aria-labelledby="sector-comparison-heading">
      <h2 className="govuk-heading-m" id="sector-comparison-heading">
        In-house against independent
      </h2>
      <p className="govuk-body">
        In-house providers are run by a local authority; independent ones are private or voluntary. Figures are pooled over each group's
        placements, for the providers the filters keep.
      </p>
      <div className="app-table-scroll">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">In-house against independent</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Measure
              </th>
              {sectors.map((side) => (
                <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={side.group}>
                  {SECTOR_GROUP_WORDS[side.group]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Providers (placements)
              </th>
              {sectors.map((side) => (
                <td className="govuk-table__cell govuk-table__cell--numeric" key={side.group}>
                  {side.providers.toLocaleString('en-GB')} ({side.placements.toLocaleString('en-GB')})
                </td>
              ))}
            </tr>
            {COMPARISON_MEASURES.map((measure) => (
              <tr className="govuk-table__row" key={measure.key}>
                <th scope="row" className="govuk-table__header">
                  {measure.label}
                </th>
                {sectors.map((side) => (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={side.group}>
                    {measure.show(side[measure.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="app-bars">
        {COMPARISON_MEASURES.map((measure) => {
          const lengths = barLengths(
            measure.key,
            sectors.map((side) => side[measure.key]),
          );
          return (
            <figure className="app-bars__pair" key={measure.key}>
              <figcaption className="govuk-body-s govuk-!-font-weight-bold">{measure.label}</figcaption>
              {sectors.map((side, index) => {
                const words = measure.show(side[measure.key]);
                return (
                  <div className="app-bars__row" key={side.group}>
                    <span className="app-bars__label govuk-body-s">{SECTOR_GROUP_WORDS[side.group]}</span>
                    <span className="app-bars__track" role="img" aria-label={`${SECTOR_GROUP_WORDS[side.group]}: ${words}`}>
                      {lengths[index] === null ? null : (
                        <span className={`app-bars__bar app-bars__bar--${side.group}`} style={{ width: `${lengths[index]}%` }} />
                      )}
                    </span>
                    <span className={`govuk-body-s app-bars__value${words === NO_DATA ? ' app-bars__value--none' : ''}`} aria-hidden="true">
                      {words}
                    </span>
                  </div>
                );
              })}
            </figure>
          );
        })}
      </div>
    </section>
  );
}
