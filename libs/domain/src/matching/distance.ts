import type { GeoPoint } from './types';

/** Mean Earth radius in statute miles (IUGG mean radius, 6371.0088 km). */
export const EARTH_RADIUS_MILES = 3958.8;

/** Radians per degree: the origin of `haversineMiles` is given in radians. */
export const RADIANS = Math.PI / 180;

/**
 * Great-circle (haversine) distance in miles, unrounded: compare this against limits and bands,
 * round only what is shown ({@link roundMiles}).
 */
export function distanceMiles(a: GeoPoint, b: GeoPoint): number {
  return haversineMiles(a.latitude * RADIANS, a.longitude * RADIANS, Math.cos(a.latitude * RADIANS), b.latitude, b.longitude);
}

/**
 * The hot-loop form: the origin (the child's home) is already in radians with its cosine worked
 * out once per referral, so each candidate costs one cosine, two sines and an arcsine.
 */
export function haversineMiles(
  originLatRad: number,
  originLonRad: number,
  originCosLat: number,
  latitude: number,
  longitude: number,
): number {
  const lat = latitude * RADIANS;
  const sinHalfDLat = Math.sin((lat - originLatRad) / 2);
  const sinHalfDLon = Math.sin((longitude * RADIANS - originLonRad) / 2);
  const h = sinHalfDLat * sinHalfDLat + originCosLat * Math.cos(lat) * sinHalfDLon * sinHalfDLon;
  // h can creep a hair above 1 for antipodal points through rounding; asin would give NaN.
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * Miles as shown to people: one decimal place. Postcode-district centroids are only good to a
 * mile or so; more digits would claim a precision the data does not have.
 */
export function roundMiles(miles: number): number {
  return Math.round(miles * 10) / 10;
}
