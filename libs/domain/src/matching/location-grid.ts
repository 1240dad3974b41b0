import type { LatLonBox } from './lat-lon-box';

/** Grid cells of 0.05° latitude by 0.08° longitude: about 3.5 by 3.5 miles across England. */
const CELL_LATITUDE = 0.05;
const CELL_LONGITUDE = 0.08;

function cellKey(latIndex: number, lonIndex: number): number {
  return (latIndex + 1_000) * 100_000 + (lonIndex + 50_000);
}

/**
 * The vacancy index's slots in a grid of cells by location, so a search reads only the cells near
 * the child's home. A dead slot stays in its cell until the grid is cleared and filled again.
 */
export class LocationGrid {
  private readonly cells = new Map<number, number[]>();

  add(slot: number, latitude: number, longitude: number): void {
    const key = cellKey(Math.floor(latitude / CELL_LATITUDE), Math.floor(longitude / CELL_LONGITUDE));
    const cell = this.cells.get(key);
    if (cell) cell.push(slot);
    else this.cells.set(key, [slot]);
  }

  clear(): void {
    this.cells.clear();
  }

  /** The cells a box covers, as text: two boxes covering the same cells give the same. */
  cellsCovered(box: LatLonBox): string {
    return cellRange(box).join(',');
  }

  /**
   * Calls `visit` with every slot in the cells the box covers. Visits nothing and answers false
   * when the box covers more cells than several times those holding slots: walking them would
   * cost more than scanning every slot, which the caller should do instead.
   */
  visit(box: LatLonBox, visit: (slot: number) => void): boolean {
    const [latFrom, latTo, lonFrom, lonTo] = cellRange(box);
    if ((latTo - latFrom + 1) * (lonTo - lonFrom + 1) > this.cells.size * 4) return false;
    for (let lat = latFrom; lat <= latTo; lat++) {
      for (let lon = lonFrom; lon <= lonTo; lon++) {
        const cell = this.cells.get(cellKey(lat, lon));
        if (cell) for (let i = 0; i < cell.length; i++) visit(cell[i]);
      }
    }
    return true;
  }
}

function cellRange(box: LatLonBox): [number, number, number, number] {
  return [
    Math.floor(box.minLatitude / CELL_LATITUDE),
    Math.floor(box.maxLatitude / CELL_LATITUDE),
    Math.floor(box.minLongitude / CELL_LONGITUDE),
    Math.floor(box.maxLongitude / CELL_LONGITUDE),
  ];
}
