import { EARTH_RADIUS_MILES } from '@app/domain';

/**
 * Great-circle (haversine) miles between two points given as SQL latitude and longitude
 * expressions in degrees: the domain's `distanceMiles`, on the same Earth, for statements that
 * filter or count by distance in Postgres.
 */
export const GREAT_CIRCLE_MILES = (lat1: string, lon1: string, lat2: string, lon2: string) => `2 * ${EARTH_RADIUS_MILES} * asin(sqrt(
  power(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))`;
