// Work-done progress (window/workDoneProgress/create + $/progress) while the corpus indexes, when the client
// supports it. Clients without it get nothing here; they still receive corroborate/status.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { errorText, type ServerContext } from './context';

export interface Progress {
  report(percentage: number | undefined, message: string): void;
  done(): void;
}

const NO_PROGRESS: Progress = { report() {}, done() {} };

export async function startProgress(ctx: ServerContext, title: string, message: string): Promise<Progress> {
  if (!ctx.capabilities.workDoneProgress) return NO_PROGRESS;
  let reporter: WorkDoneProgressServerReporter;
  try {
    reporter = await ctx.connection.window.createWorkDoneProgress();
  } catch (err) {
    ctx.log.warn(`could not create progress: ${errorText(err)}`);
    return NO_PROGRESS;
  }
  let finished = false;
  let lastPercent = -1;
  let lastSent = 0;
  try {
    reporter.begin(title, 0, message, false);
  } catch {
    return NO_PROGRESS;
  }
  return {
    report(percentage, msg) {
      if (finished) return;
      const pct = percentage === undefined ? undefined : Math.max(0, Math.min(100, Math.round(percentage)));
      // Throttle: a big corpus reports per file; the client needs a few updates a second, not thousands.
      const now = Date.now();
      if (pct !== undefined && pct === lastPercent && now - lastSent < 250) return;
      if (now - lastSent < 50 && pct !== 100) return;
      lastPercent = pct ?? lastPercent;
      lastSent = now;
      try {
        if (pct === undefined) reporter.report(msg);
        else reporter.report(pct, msg);
      } catch {
        // ignore
      }
    },
    done() {
      if (finished) return;
      finished = true;
      try {
        reporter.done();
      } catch {
        // ignore
      }
    },
  };
}
