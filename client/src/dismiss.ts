// "Dismiss with a reason…": the server's quick fix carries `corroborate.dismiss [uri, rule, range]`; in VS Code we
// ask for the reason here and pass it as the 4th argument (other editors pass it themselves).
import * as vscode from 'vscode';
import type { ExecuteCommandSignature } from 'vscode-languageclient/node';

export const DISMISS_COMMAND = 'corroborate.dismiss';

/** Middleware for workspace/executeCommand: prompts for a dismissal's reason; cancelling sends nothing. */
export async function askDismissReason(command: string, args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  if (command !== DISMISS_COMMAND || (typeof args[3] === 'string' && args[3].trim())) return next(command, args);
  const rule = typeof args[1] === 'string' ? args[1] : 'finding';
  const reason = await vscode.window.showInputBox({
    title: `Dismiss this ${rule} finding`,
    prompt: 'Why is it not a problem? The reason, your name and the time are recorded in the project’s dismissals file.',
    placeHolder: 'e.g. the agency corrected this figure after the sources were filed',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A dismissal needs a reason.'),
  });
  if (!reason?.trim()) return undefined;
  return next(command, [args[0], args[1], args[2], reason.trim()]);
}
