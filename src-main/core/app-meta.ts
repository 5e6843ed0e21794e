import { productName, version } from '../../package.json';

/** The app's name and version, from package.json at build time. */
export const appMeta = { name: productName, version } as const;
