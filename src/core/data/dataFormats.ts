/** The app's own data formats (a module of its own so the CLI's `--help` does not load the CSV code). */
export const DATA_FORMATS = ['csv', 'json'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
