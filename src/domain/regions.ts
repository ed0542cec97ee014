/**
 * The sales regions territories belong to: reference data, not demo data. A territory id is the
 * region's id ("T-NE") or a territory inside it ("T-NE-01"), so people can name their territories
 * by region ("the Northeast", "NE only").
 */
export interface SalesRegion {
  id: string;
  name: string;
}

export const salesRegions: readonly SalesRegion[] = [
  { id: 'T-NE', name: 'Northeast' },
  { id: 'T-MW', name: 'Midwest' },
  { id: 'T-W', name: 'West' },
];

/** The region a territory id belongs to, if any. */
export function regionOf(territoryId: string): SalesRegion | undefined {
  return salesRegions.find((region) => territoryId === region.id || territoryId.startsWith(`${region.id}-`));
}
