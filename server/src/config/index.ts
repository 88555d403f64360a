export * from './projectConfig';
export { expandFolderPattern, expandGlob, globMatches, hasGlob, matchesGlob, outermostFolders } from './glob';
