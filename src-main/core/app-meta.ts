import { homepage, productName, version } from '../../package.json';

/** The app's name, version and documentation address (the README), from package.json at build time. */
export const appMeta = { name: productName, version, homepage } as const;
