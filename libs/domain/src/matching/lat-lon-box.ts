import type { GeoPoint } from './types';

/** A latitude/longitude box in degrees. */
export interface LatLonBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

const MILES_PER_DEGREE_OF_LATITUDE = 69.05;

/**
 * A latitude/longitude box that contains every point within `miles` great-circle miles of
 * `centre` (with 2% to spare), for an indexed range scan. Longitude degrees are measured at the
 * box's edge nearest the pole, where they are shortest, so the box is never too narrow.
 */
export function boxAround(centre: GeoPoint, miles: number): LatLonBox {
  const margin = miles * 1.02;
  const latitudeSpan = margin / MILES_PER_DEGREE_OF_LATITUDE;
  const polewardLatitude = Math.min(89, Math.abs(centre.latitude) + latitudeSpan);
  const milesPerDegreeOfLongitude = MILES_PER_DEGREE_OF_LATITUDE * Math.cos((polewardLatitude * Math.PI) / 180);
  const longitudeSpan = Math.min(180, margin / milesPerDegreeOfLongitude);
  return {
    minLatitude: centre.latitude - latitudeSpan,
    maxLatitude: centre.latitude + latitudeSpan,
    minLongitude: centre.longitude - longitudeSpan,
    maxLongitude: centre.longitude + longitudeSpan,
  };
}
