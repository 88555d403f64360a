// What every feature of the server shares: the connection, open documents, client capabilities, logging,
// and one-shot messages to the user. Features get it at construction; none of them talks to VS Code APIs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  MessageType,
  ShowMessageNotification,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Capabilities {
  configuration: boolean;
  configurationDynamicRegistration: boolean;
  watchedFilesDynamicRegistration: boolean;
  watchedFilesRelativePattern: boolean;
  workDoneProgress: boolean;
  hoverMarkdown: boolean;
  documentChanges: boolean;
  workspaceFolders: boolean;
}

export function capabilitiesOf(c: ClientCapabilities): Capabilities {
  const hoverFormats = c.textDocument?.hover?.contentFormat;
  return {
    configuration: !!c.workspace?.configuration,
    configurationDynamicRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesDynamicRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    watchedFilesRelativePattern: !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    workDoneProgress: !!c.window?.workDoneProgress,
    // Clients that do not say are assumed to render Markdown (most do); a client that lists only plaintext gets text.
    hoverMarkdown: !hoverFormats || hoverFormats.length === 0 || hoverFormats.includes('markdown'),
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    workspaceFolders: !!c.workspace?.workspaceFolders,
  };
}

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface Notify {
  /** window/showMessage. `onceKey`: say it only once until `forget(onceKey)`. */
  error(message: string, onceKey?: string): void;
  warning(message: string, onceKey?: string): void;
  info(message: string, onceKey?: string): void;
  forget(onceKey: string): void;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  capabilities: Capabilities;
  /** Workspace folders as file system paths; the process's cwd when the client gives none. */
  workspaceFolders: string[];
  /** Folders given with `--sources` on the command line, which win over everything else. */
  cliSources: string[];
  /** `initializationOptions.sources`, used when the client has no `corroborate.sources` setting to give. */
  initSources: string[];
  /** False in a workspace the user has not trusted (initializationOptions.trusted, corroborate/setTrust). */
  trusted: boolean;
  log: Log;
  notify: Notify;
}

export function makeLog(connection: Connection): Log {
  const safe = (fn: (m: string) => void) => (m: string) => {
    try {
      fn(m);
    } catch {
      // The connection may be closing; logging must never throw.
    }
  };
  return {
    info: safe((m) => connection.console.info(m)),
    warn: safe((m) => connection.console.warn(m)),
    error: safe((m) => connection.console.error(m)),
  };
}

export function makeNotify(connection: Connection, log: Log): Notify {
  const said = new Set<string>();
  const send = (type: MessageType, message: string, onceKey?: string) => {
    if (onceKey !== undefined) {
      if (said.has(onceKey)) return;
      said.add(onceKey);
    }
    const line = message.replace(/^Corroborate: /, '');
    if (type === MessageType.Error) log.error(line);
    else if (type === MessageType.Warning) log.warn(line);
    else log.info(line);
    try {
      void connection.sendNotification(ShowMessageNotification.type, { type, message });
    } catch {
      // ignore: a closing connection
    }
  };
  return {
    error: (m, k) => send(MessageType.Error, m, k),
    warning: (m, k) => send(MessageType.Warning, m, k),
    info: (m, k) => send(MessageType.Info, m, k),
    forget: (k) => said.delete(k),
  };
}

export function workspaceFoldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths.length > 0 ? paths : [process.cwd()];
}

/** A file system path for a `file:` URI; undefined for other schemes (untitled, vscode-notebook-cell…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Whether `child` is `parent` or inside it. */
export function isWithin(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether `file` (which need not exist yet) lies inside one of `folders` once symbolic links are followed. */
export function isWithinAfterLinks(file: string, folders: readonly string[]): boolean {
  const real = realPathOf(file);
  return folders.some((folder) => isWithin(real, realPathOf(folder)));
}

/** The real path of a file that may not exist yet: its nearest existing folder's real path, then the rest. */
function realPathOf(file: string): string {
  const rest: string[] = [];
  let at = path.resolve(file);
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(file);
      rest.push(path.basename(at));
      at = up;
    }
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
