import { Table } from '../../components/table';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { formatMiles } from '../../lib/format';
import boundaries from './map/england-las.topo.json';
import type { MatchItem } from './shortlist';

type LaProperties = { code: string; name: string };
const topology = boundaries as unknown as Topology<{ las: GeometryCollection<LaProperties> }>;
const WIDTH = 640;
const HEIGHT = 480;

/**
 * The child's home and the shortlisted homes on the LA boundaries (ONS, OGL v3), drawn with d3-geo.
 * Colour never carries meaning alone: the home is a labelled square, each vacancy a numbered
 * circle, and the table beside the map holds the same data.
 */
export default function ShortlistMap({
  home,
  homeDistrict,
  homeLocalAuthorityCode,
  items,
  laName,
}: {
  home?: { latitude: number; longitude: number } | null;
  homeDistrict: string;
  homeLocalAuthorityCode: string;
  items: MatchItem[];
  laName: (code: string | null) => string;
}) {
  const las = useMemo(() => feature(topology, topology.objects.las) as FeatureCollection<Geometry, LaProperties>, []);
  const points = items.filter((item) => item.setting.latitude != null && item.setting.longitude != null);
  const { path, projection } = useMemo(() => {
    // Frame the home and every candidate, with the home LA always in view.
    const homeLa = las.features.find((la) => la.properties.code === homeLocalAuthorityCode);
    const frame: Feature<Geometry>[] = [
      ...(homeLa ? [homeLa] : []),
      ...points.map((item) => ({
        type: 'Feature' as const,
        properties: {},
        geometry: { type: 'Point' as const, coordinates: [item.setting.longitude, item.setting.latitude] },
      })),
      ...(home ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [home.longitude, home.latitude] } }] : []),
    ];
    const projection = geoMercator().fitExtent(
      [
        [30, 30],
        [WIDTH - 30, HEIGHT - 30],
      ],
      { type: 'FeatureCollection', features: frame.length > 0 ? frame : las.features },
    );
    return { projection, path: geoPath(projection) };
  }, [las, points, home, homeLocalAuthorityCode]);

  const homePoint = home ? projection([home.longitude, home.latitude]) : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-three-fifths">
        <h2 className="govuk-heading-m">Where the homes are</h2>
        <svg
          className="app-map"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby="map-title map-desc"
        >
          <title id="map-title">Map of the child's home district and the shortlisted homes</title>
          <desc id="map-desc">
            {`The child's home district ${homeDistrict} in ${laName(homeLocalAuthorityCode)}, and ${points.length} shortlisted homes numbered by rank. The table beside the map lists the same homes.`}
          </desc>
          <g>
            {las.features.map((la) => (
              <path
                key={la.properties.code}
                d={path(la) ?? undefined}
                className={`app-map__area${la.properties.code === homeLocalAuthorityCode ? ' app-map__area--home' : ''}`}
              >
                <title>{la.properties.name}</title>
              </path>
            ))}
          </g>
          {points.map((item) => {
            const at = projection([item.setting.longitude, item.setting.latitude]);
            if (!at) return null;
            return (
              <g key={item.vacancyId} transform={`translate(${at[0]},${at[1]})`}>
                <circle r={10} className="app-map__candidate" />
                <text textAnchor="middle" dy="4" fontSize="11" fill="#ffffff" fontWeight="bold">
                  {item.rank}
                </text>
              </g>
            );
          })}
          {homePoint ? (
            <g transform={`translate(${homePoint[0]},${homePoint[1]})`}>
              <rect x={-8} y={-8} width={16} height={16} className="app-map__home" />
              <text x={12} dy="4" className="app-map__label" fontWeight="bold">
                Home ({homeDistrict})
              </text>
            </g>
          ) : null}
        </svg>
        <ul className="app-legend govuk-!-margin-top-2">
          <li>
            <span className="app-legend__swatch" style={{ background: '#d4351c' }} aria-hidden="true" />
            Square: the child's home district
          </li>
          <li>
            <span className="app-legend__swatch" style={{ background: '#1d70b8', borderRadius: '50%' }} aria-hidden="true" />
            Numbered circle: a shortlisted home, by rank
          </li>
          <li>
            <span className="app-legend__swatch" style={{ background: '#fff2a8' }} aria-hidden="true" />
            Shaded: the child's LA
          </li>
        </ul>
        <p className="govuk-body-s">Homes are placed at their postcode district's centre: Ofsted does not publish children's homes' addresses.</p>
      </div>
      <div className="govuk-grid-column-two-fifths">
        <Table caption="The homes on the map" captionClass="govuk-table__caption--s" heads={['Rank', 'Home', 'Distance']}>
            {points.map((item) => (
              <tr className="govuk-table__row" key={item.vacancyId}>
                <td className="govuk-table__cell">{item.rank}</td>
                <td className="govuk-table__cell">
                  {item.setting.name}
                  <br />
                  <span className="govuk-body-s">
                    {item.setting.postcodeDistrict}, {laName(item.setting.localAuthorityCode)}
                  </span>
                </td>
                <td className="govuk-table__cell app-nowrap">{formatMiles(item.distanceMiles)}</td>
              </tr>
            ))}
          </Table>
      </div>
    </div>
  );
}
