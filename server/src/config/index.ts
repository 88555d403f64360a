export * from './projectConfig';
export { expandFolderPattern, globToRegExp, matchesGlob, outermostFolders } from './glob';
