import type { AppNotice } from '../contract/requests/app';

export type Notice = AppNotice;

/** Notices of this run, for `app.notices` and the CLI's stderr. */
export class NoticeBoard {
  readonly #notices: Notice[] = [];
  readonly #listeners = new Set<(notice: Notice) => void>();
  #next = 1;

  add(level: Notice['level'], message: string, details?: Record<string, unknown>): Notice {
    const notice: Notice = { id: `notice-${this.#next++}`, level, message, at: new Date().toISOString() };
    if (details !== undefined) notice.details = details;
    this.#notices.push(notice);
    for (const listener of this.#listeners) listener(notice);
    return notice;
  }

  list(): Notice[] {
    return this.#notices.map((n) => ({ ...n }));
  }

  onNotice(listener: (notice: Notice) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
