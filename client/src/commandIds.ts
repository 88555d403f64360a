// The extension's command ids (contributed in package.json). A server command with one of these ids is not
// registered by vscode-languageclient; our command forwards to it instead (see languageClient.ts).
export const Commands = {
  checkDocument: 'corroborate.checkDocument',
  compareAtCursor: 'corroborate.compareAtCursor',
  openPanel: 'corroborate.openPanel',
  showDisagreements: 'corroborate.showDisagreements',
  chooseSources: 'corroborate.chooseSources',
  exportReport: 'corroborate.exportReport',
  restartServer: 'corroborate.restartServer',
  openDemo: 'corroborate.openDemo',
  toggleChecking: 'corroborate.toggleChecking',
  /** Not in the palette: opens a source at a range; for command links in hovers. Args: (uriOrPath, range?). */
  openSource: 'corroborate.openSource',
} as const;

export const CLIENT_COMMANDS: ReadonlySet<string> = new Set(Object.values(Commands));
