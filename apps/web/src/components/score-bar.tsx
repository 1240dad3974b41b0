const PARTS = [
  ['needs', 'Needs'],
  ['proximity', 'Distance'],
  ['quality', 'Quality'],
  ['continuity', 'Continuity'],
  ['cost', 'Cost'],
] as const;

export type Breakdown = Record<(typeof PARTS)[number][0], number>;

/** The score as a bar split into its five parts; the numbers are in the bar's label and the table. */
export function ScoreBar({ score, breakdown }: { score: number; breakdown: Breakdown }) {
  const label = `Score ${score.toFixed(1)} of 100: ${PARTS.map(([key, words]) => `${words.toLowerCase()} ${breakdown[key].toFixed(1)}`).join(', ')}`;
  return (
    <div>
      <span className="govuk-body-s govuk-!-font-weight-bold">{score.toFixed(1)}</span>
      <div className="app-score" role="img" aria-label={label} title={label}>
        {PARTS.map(([key]) => (
          <div key={key} className={`app-score__part app-score__part--${key}`} style={{ width: `${Math.max(0, breakdown[key])}%` }} />
        ))}
      </div>
    </div>
  );
}

export function ScoreLegend() {
  return (
    <ul className="app-legend" aria-label="Parts of the score">
      {PARTS.map(([key, words]) => (
        <li key={key}>
          <span className={`app-legend__swatch app-score__part--${key}`} aria-hidden="true" />
          {words}
        </li>
      ))}
    </ul>
  );
}
