// Who is exporting a report, for the audit trail. For the adapters (CLI, language server) only: the engine is given
// the answer and never runs a process itself.
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';

function gitConfig(key: string, cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 2000, windowsHide: true }, (error, stdout) => resolve(error ? '' : String(stdout).trim()));
  });
}

/** "Name <email>" from git's config (as seen from `cwd`), else the OS user name, else "unknown". */
export async function exporterName(cwd: string): Promise<string> {
  const [name, email] = await Promise.all([gitConfig('user.name', cwd), gitConfig('user.email', cwd)]);
  if (name || email) return name && email ? `${name} <${email}>` : name || email;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
