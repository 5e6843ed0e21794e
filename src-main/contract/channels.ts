/** The two IPC channels: every request travels on one, every pushed event on the other. */
export const CALL_CHANNEL = 'motif:call';
export const EVENT_CHANNEL = 'motif:event';
