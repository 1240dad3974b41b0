import type { GeoPoint } from './types';

/** A latitude/longitude box in degrees. */
export interface LatLonBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/**
 * Radii, in miles, searched before the whole country: the proximity bands' edges (the score drops
 * a step past each, and beyond 80 proximity is at its floor). A shortlist filled inside one of
 * them, with its last place scoring above what anything further away could reach, is final.
 */
export const SEARCH_RADII_MILES = [5, 10, 20, 40, 80] as const;

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
