// The engine's public face: everything the CLI and the language server need, nothing from LSP or VS Code.
export * from '../model/types';
export { loadCorpus, corpusFromTexts, corpusWithout, type Corpus, type SourceDoc, type LoadOptions } from '../corpus/corpus';
export { checkText, describeClaimAt, dismissalTarget } from "./check";
export { dismissalFingerprint } from "./dismissals";
export { corpusDisagreements, rankedDisagreements, rankedDisagreementsInSlices, savedDisagreements, saveDisagreements, pageOf, DisagreementsCancelled, DISAGREEMENT_PAGE, MAX_DISAGREEMENT_PAGE, type RankedDisagreements, type DisagreementPage, type CancellationToken } from "../match/disagreements";
export { positionAt, offsetAt, lineStartsOf } from '../model/lines';
export { RULES, type RuleInfo } from '../checks/registry';
