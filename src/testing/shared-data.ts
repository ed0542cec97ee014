import { fileURLToPath } from 'node:url';

/** ../shared/data beside the checkout (CI clones the repo with shared/ next to it). Tests only. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
