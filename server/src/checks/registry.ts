// Every rule, in the order findings are reported. Rule ids are a public contract (see README).
import type { Rule } from './types';
import type { RuleId, Severity } from '../model/types';
import { quoteAltered } from './quoteAltered';
import { quoteMisattributed } from './quoteMisattributed';
import { quoteUnsourced } from './quoteUnsourced';
import { figureConflict } from './figureConflict';
import { figureQualifier } from './figureQualifier';
import { dateConflict } from './dateConflict';
import { nameMisspelled } from './nameMisspelled';
import { sourcesDisagree } from './sourcesDisagree';

export const ALL_RULES: readonly Rule[] = [
  quoteAltered, quoteMisattributed, quoteUnsourced, figureConflict, figureQualifier, dateConflict, nameMisspelled, sourcesDisagree,
];

export interface RuleInfo { id: RuleId; description: string; defaultSeverity: Severity }

export const RULES: readonly RuleInfo[] = ALL_RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));
