import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { Table } from '../../components/table';
import boundaries from '../referrals/map/england-las.topo.json';
import { classOf, type ClassRange } from './classes';
import { formatMeasure, MEASURE_WORDS, type Measure } from './measures';

type LaProperties = { code: string; name: string };
const topology = boundaries as unknown as Topology<{ las: GeometryCollection<LaProperties> }>;
const WIDTH = 560;
const HEIGHT = 420;
/** Light to dark; each class is also numbered on the map and in the legend, so colour is never alone. */
export const CLASS_FILLS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const classWords = (range: ClassRange, measure: Measure) =>
  `Class ${range.index}: ${formatMeasure(range.from, measure)} to ${formatMeasure(range.to, measure)}`;

export interface LaFigure {
  code: string;
  name: string;
  value: number | null;
}

/** The alliance's LAs shaded by a measure in five classes, neighbours faded, with a legend and the same figures in a table. */
export default function Choropleth({ figures, breaks, measure }: { figures: LaFigure[]; breaks: ClassRange[]; measure: Measure }) {
  const las = useMemo(() => feature(topology, topology.objects.las) as FeatureCollection<Geometry, LaProperties>, []);
  const byCode = new Map(figures.map((figure) => [figure.code, figure]));
  const path = useMemo(() => {
    const alliance = las.features.filter((la) => byCode.has(la.properties.code));
    const projection = geoMercator().fitExtent(
      [
        [80, 60],
        [WIDTH - 80, HEIGHT - 60],
      ],
      { type: 'FeatureCollection', features: alliance.length > 0 ? alliance : las.features },
    );
    return geoPath(projection);
    // The frame depends only on which LAs are in the alliance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [las, figures.map((figure) => figure.code).join()]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <svg className="app-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby="choropleth-title choropleth-desc">
          <title id="choropleth-title">{`Map of the alliance's local authorities by ${MEASURE_WORDS[measure].toLowerCase()}`}</title>
          <desc id="choropleth-desc">Neighbouring local authorities are faded. The table beside the map gives each figure and its class.</desc>
          {las.features.map((la) => {
            const figure = byCode.get(la.properties.code);
            if (!figure) return <path key={la.properties.code} d={path(la) ?? undefined} className="app-map__area" opacity={0.35} aria-hidden="true" />;
            const shade = classOf(figure.value, breaks);
            return (
              <path
                key={la.properties.code}
                d={path(la) ?? undefined}
                role="img"
                aria-label={`${figure.name}: ${formatMeasure(figure.value, measure)}, ${shade ? `class ${shade} of 5` : 'no class'}`}
                data-class={shade ?? ''}
                fill={shade ? CLASS_FILLS[shade - 1] : '#ffffff'}
                stroke="#0b0c0c"
                strokeWidth={1.5}
              />
            );
          })}
          {las.features
            .filter((la) => byCode.has(la.properties.code))
            .map((la) => {
              const [x, y] = path.centroid(la);
              const shade = classOf(byCode.get(la.properties.code)!.value, breaks);
              return (
                <text key={la.properties.code} x={x} y={y} textAnchor="middle" fontSize={14} aria-hidden="true" paintOrder="stroke" stroke="#ffffff" strokeWidth={3}>
                  {`${la.properties.name} (${shade ?? '–'})`}
                </text>
              );
            })}
        </svg>
        <h3 className="govuk-heading-s">Key</h3>
        <ul className="govuk-list">
          {breaks.map((range) => (
            <li key={range.index}>
              <svg width="20" height="14" aria-hidden="true" focusable="false">
                <rect width="20" height="14" fill={CLASS_FILLS[range.index - 1]} stroke="#0b0c0c" />
              </svg>{' '}
              {classWords(range, measure)}
            </li>
          ))}
        </ul>
      </div>
      <div className="govuk-grid-column-one-half">
        <Table caption={`Local authorities by ${MEASURE_WORDS[measure].toLowerCase()}`} captionClass="govuk-table__caption--s" heads={['Local authority', 'Figure', 'Class']}>
          {figures.map((figure) => {
            const shade = classOf(figure.value, breaks);
            return (
              <tr className="govuk-table__row" key={figure.code}>
                <th scope="row" className="govuk-table__header">
                  {figure.name}
                </th>
                <td className="govuk-table__cell">{formatMeasure(figure.value, measure)}</td>
                <td className="govuk-table__cell">{shade ? `${shade} of 5` : 'No figure'}</td>
              </tr>
            );
          })}
        </Table>
      </div>
    </div>
  );
}
