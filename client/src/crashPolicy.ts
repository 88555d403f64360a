// When the client restarts a crashed language server (no vscode import; tested in node).
//
// vscode-languageclient's default error handler shuts the client down once a write has failed more than three
// times, and its IPC writer counts each failed send twice. A server that dies while the editor is still sending
// keystrokes therefore fails two sends before the close event arrives, and the client stops for good instead of
// restarting. Write errors here are only logged: a dead server is always followed by a close, and the close decides.

/** Restarts allowed within the window before the client gives up (the library's default: 4 in 3 minutes). */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export type CloseDecision = { restart: true } | { restart: false; message: string };

export class CrashPolicy {
  private readonly closes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** The connection to the server closed without being asked to: restart it unless it keeps crashing. */
  closed(now: number): CloseDecision {
    this.closes.push(now);
    while (this.closes.length > 0 && now - this.closes[0]! > this.windowMs) this.closes.shift();
    if (this.closes.length <= this.maxRestarts) return { restart: true };
    const minutes = Math.round(this.windowMs / 60_000);
    return {
      restart: false,
      message: `The Corroborate language server stopped ${this.closes.length} times in ${minutes} minutes and will not be restarted. See the Corroborate output for the cause; "Corroborate: Restart Server" starts it again.`,
    };
  }
}
