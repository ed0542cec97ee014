import { formatMeasure, measureRedaction } from './measure.ts';

/**
 * npm run eval:redaction: the leak and over-redaction figures of quote redaction (measure.ts).
 * Exits 1 when any planted item leaked.
 */
const measure = await measureRedaction();
console.log(formatMeasure(measure));
process.exitCode = measure.leaks.length > 0 ? 1 : 0;
