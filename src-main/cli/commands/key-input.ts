/** Where `motifctl rigs add/edit` read an API key: piped standard input, or a hidden prompt. */
export interface KeyInput {
  isTTY: boolean;
  /** Everything on standard input (a piped key). */
  readAll(): Promise<string>;
  /** One line typed without echo; the prompt goes to stderr so stdout stays JSON. */
  promptHidden(prompt: string): Promise<string>;
}

export const processKeyInput: KeyInput = {
  get isTTY() {
    return Boolean(process.stdin.isTTY);
  },
  async readAll() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
  promptHidden(prompt) {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    return new Promise((resolve, reject) => {
      let typed = '';
      const done = (error?: Error) => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stderr.write('\n');
        if (error) reject(error);
        else resolve(typed);
      };
      const onData = (data: Buffer) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
          if (ch === '\u0003') return done(new Error('Cancelled.'));
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onData);
    });
  },
};
