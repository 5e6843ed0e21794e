/** Record to an image store: yes, no, or leave it to the rig's configured default. */
export type RecordToStoreChoice = 'default' | 'yes' | 'no';

export const recordToStoreChoice = (value: boolean | undefined): RecordToStoreChoice =>
  value === undefined ? 'default' : value ? 'yes' : 'no';

export const recordToStoreValue = (choice: RecordToStoreChoice): boolean | undefined =>
  choice === 'default' ? undefined : choice === 'yes';
