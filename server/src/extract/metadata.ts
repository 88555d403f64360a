// What a document says about itself: title, outlet, date, dateline. Front matter is read with js-yaml (core schema).
import { CORE_SCHEMA, load as loadYaml, timestampTag } from 'js-yaml';
import * as chrono from 'chrono-node';
import type { SourceDate } from '../model/types';
import { datelineAt, type Dateline } from './dates';

export interface Metadata {
  title?: string;
  outlet?: string;
  author?: string;
  date?: SourceDate;
  /** Day-first numeric dates, decided from the text's conventions; undefined when the text gives no hint. */
  dayFirst?: boolean;
  /** The place of the story's dateline ("Kyiv"): where its days begin and end. */
  dateline?: string;
  /** Where a reference list ("References", "Sources:") starts: its dates are other documents'. */
  referencesStart?: number;
  /** The front matter block, blanked out of the analysed text so offsets stay true. */
  frontMatterEnd: number;
  /** Where the front matter's title is written, when as plain text: a headline, checked like the text. */
  titleSpan?: { start: number; end: number };
  warnings: string[];
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;
const BRITISH = /\b(?:organis|recognis|criticis|realis|apologis|emphasis|favour|honour|labour|neighbour|defence|centre|programme|travelling|analys(?:e|ing))\w*/gi;
const AMERICAN = /\b(?:organiz|recogniz|criticiz|realiz|apologiz|favor(?!ite)|honor|labor|neighbor|defense|center|traveling|analyz)\w*/gi;
const NUMERIC_DATE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
const DAY_MONTH = /\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g;
const MONTH_DAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b/g;

/**
 * Where the title's text sits in the front matter (`title: Kyiv seeks…`, quoted or not), when written there as it
 * reads: a value with escapes or folded over lines has no one place in the text.
 */
function titleSpanOf(frontMatter: string, title: string): { start: number; end: number } | undefined {
  const line = /^title:[ \t]*(.*?)[ \t]*\r?$/m.exec(frontMatter);
  if (!line || !title) return undefined;
  let start = line.index + line[0].indexOf(line[1], 'title:'.length);
  let value = line[1];
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
    value = value.slice(1, -1);
    start += 1;
  }
  return value === title ? { start, end: start + title.length } : undefined;
}

const FRONT_MATTER_YAML = { schema: CORE_SCHEMA.withTags(timestampTag), maxAliases: 16 };

export function readMetadata(text: string, fileName = ''): Metadata {
  const warnings: string[] = [];
  const meta: Metadata = { frontMatterEnd: 0, warnings };
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    meta.frontMatterEnd = fm[0].length;
    try {
      // js-yaml 5's core schema builds plain data only (no !!js/function or other live objects), plus timestamps for
      // `date:`; front matter needs no aliases, so a handful at most keeps an alias bomb from costing anything.
      const parsed = loadYaml(fm[0].replace(/^\uFEFF?---[ \t]*\r?\n/, '').replace(/\r?\n---[ \t]*(?:\r?\n)?$/, ''), FRONT_MATTER_YAML);
      const data = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
      if (typeof data.title === 'string') {
        meta.title = data.title.trim();
        meta.titleSpan = titleSpanOf(fm[0], meta.title);
      }
      for (const key of ['outlet', 'publisher', 'source', 'site', 'publication']) if (typeof data[key] === 'string') meta.outlet ??= String(data[key]);
      if (typeof data.author === 'string') meta.author = data.author;
      const date = data.date ?? data.updated ?? data.published;
      if (date instanceof Date && !Number.isNaN(date.getTime())) meta.date = { iso: date.toISOString().slice(0, 10), how: 'front matter', ambiguous: false, raw: String(fm[0].match(/date:\s*(.*)/)?.[1] ?? '') };
      else if (typeof date === 'string') {
        const parsed = chrono.en.GB.parseDate(date);
        if (parsed) meta.date = { iso: isoOf(parsed), how: 'front matter', ambiguous: false, raw: date };
      }
    } catch (error) {
      warnings.push(`front matter could not be read (${(error as Error).message.split('\n')[0]}); treated as text`);
      meta.frontMatterEnd = 0;
    }
  }
  const body = text.slice(meta.frontMatterEnd);
  // The convention only matters for numeric dates (03.12.2025); most texts have none, so most skip the count.
  if (NUMERIC_DATE.test(body)) meta.dayFirst = dayFirstConvention(body);
  const head = body.slice(0, 600);
  const dateline = findDateline(head);
  meta.dateline = dateline?.place;
  meta.date ??= findHeaderDate(head, meta.dayFirst, dateline);
  const references = REFERENCES_HEADING.exec(body);
  if (references) meta.referencesStart = meta.frontMatterEnd + references.index + (references[0].startsWith('\n') ? 1 : 0);
  meta.outlet ??= findOutlet(head, body);
  meta.author ??= /(?:^|\n)By\s+([\p{L} .'-]{2,40})\s*(?:\n|$)/u.exec(head)?.[1].trim();
  meta.title ??= findTitle(body, meta.outlet) ?? firstWords(body) ?? fileName.replace(/\.[^.]+$/, '');
  return meta;
}

/** British spelling or "14 October" → day-first; American spelling or "October 14" → month-first. */
export function dayFirstConvention(text: string): boolean | undefined {
  const body = text.slice(0, 20_000); // conventions show early; a long text need not be read to the end
  const count = (re: RegExp) => (body.match(re) ?? []).length;
  const dayFirst = count(BRITISH) + 2 * count(DAY_MONTH);
  const monthFirst = count(AMERICAN) + 2 * count(MONTH_DAY);
  if (dayFirst === monthFirst) return undefined;
  return dayFirst > monthFirst;
}

function isoOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A heading that opens a reference list, on a line of its own. */
const REFERENCES_HEADING = /(?:^|\n)[ \t]*(?:#{1,6} *)?(?:\*\*)?(?:references|sources|bibliography|further reading|external links|citations)(?:\*\*)? *:? *(?:\*\*)? *(?=\r?\n)/i;

/** The first line of the header that opens with a dateline. */
function findDateline(head: string): (Dateline & { raw: string }) | undefined {
  for (let at = 0; at < head.length; at = head.indexOf('\n', at) + 1) {
    const found = datelineAt(head.slice(at));
    if (found) return { ...found, raw: head.slice(at, at + found.end).trim() };
    if (head.indexOf('\n', at) < 0) break;
  }
  return undefined;
}

const WRITTEN_YEAR = /\b(?:1[89]|20)\d\d\b/;

function findHeaderDate(header: string, dayFirst: boolean | undefined, dateline?: Dateline & { raw: string }): SourceDate | undefined {
  // A date inside a link is another page's.
  const head = header.replace(/\b(?:https?:\/\/|www\.)\S+/gi, (link) => ' '.repeat(link.length));
  const updated = /\b(?:Updated|Published|Posted)\b[^\n]{0,40}?\bon\s+([^\n]{4,30}?\d{4})/i.exec(head) ?? /\b(?:Updated|Published|Posted):?\s+([^\n]{4,30}?\d{4})/i.exec(head);
  if (updated) {
    const parsed = chrono.en.GB.parseDate(updated[1]);
    if (parsed) return { iso: isoOf(parsed), how: 'updated line', ambiguous: false, raw: updated[0].trim() };
  }
  const iso = /(?<![/\w-])(20\d\d|19\d\d)-(\d\d)-(\d\d)\b/.exec(head); // not inside a link's path
  if (iso) return { iso: iso[0], how: 'ISO date in header', ambiguous: false, raw: iso[0] };
  const numeric = /(?:^|\n)\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*(?:\n|$)/.exec(head);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), numeric[3]];
    const canDayFirst = b <= 12 && a <= 31;
    const canMonthFirst = a <= 12 && b <= 31;
    const dayFirstHere = canDayFirst && !canMonthFirst ? true : canMonthFirst && !canDayFirst ? false : dayFirst;
    const [day, month] = dayFirstHere === false ? [b, a] : [a, b];
    const ambiguous = canDayFirst && canMonthFirst && a !== b && dayFirst === undefined;
    const how = canDayFirst && canMonthFirst && a !== b
      ? `numeric date read ${dayFirstHere === false ? 'month-first' : 'day-first'}${dayFirst === undefined ? ' (ambiguous: the text gives no convention)' : ' from the text\'s spelling and date conventions'}`
      : 'numeric date';
    return { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, how, ambiguous, raw: numeric[0].trim() };
  }
  const datelineDate = dateline?.date && /\d{4}/.test(dateline.date) ? chrono.en.GB.parse(dateline.date)[0]?.start : undefined;
  if (datelineDate?.isCertain('day') && datelineDate.isCertain('month')) {
    return { iso: isoOf(datelineDate.date()), how: 'dateline', ambiguous: false, raw: dateline!.raw };
  }
  // Written out, year and all: chrono counts "now" or "after 7.1" as certain days, of the day the check runs.
  const written = chrono.en.GB.parse(head).find((r) => WRITTEN_YEAR.test(r.text) && r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
  if (written) return { iso: isoOf(written.start.date()), how: 'first full date in the text', ambiguous: false, raw: written.text };
  return undefined;
}

function findOutlet(head: string, body: string): string | undefined {
  const updatedBy = /\bUpdated by\s+([\p{L}\d .&'-]{2,40}?)\s+on\b/iu.exec(head);
  if (updatedBy) return updatedBy[1].trim();
  const according = /\baccording to ((?:[A-Z][\w&'-]*\s?){1,4}(?:News|Times|Post|Journal|Guardian|Reuters|AP|AFP|Press|Telegraph|Herald|Tribune))\b/.exec(head);
  if (according) return according[1].trim();
  const lines = head.split('\n').map((l) => l.trim()).filter(Boolean);
  // A masthead: a short line above a bare date line ("Logo / Çağ Üniversitesi / 03.12.2025").
  const dateLine = lines.findIndex((l) => /^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(l));
  if (dateLine > 0) return lines[dateLine - 1];
  const signature = /\b(?:Read more|Follow)[^\n]*?\bon ([A-Z][\w]*(?: [A-Z][\w]*){0,2})\./.exec(body.slice(-800));
  return signature?.[1];
}

function firstWords(body: string): string | undefined {
  const words = body.replace(/^\s*date\s+\S+\s*/i, '').trim().split(/\s+/).slice(0, 10).join(' ');
  return words ? words + '…' : undefined;
}

function findTitle(body: string, outlet: string | undefined): string | undefined {
  for (const line of body.split('\n')) {
    const trimmed = line.replace(/^#+\s*/, '').trim();
    if (!trimmed || /^logo$/i.test(trimmed) || trimmed === outlet) continue;
    if (trimmed.length <= 140 && !/[.!?]["”]?$/.test(trimmed) && /\p{L}{3}/u.test(trimmed) && !/^\d/.test(trimmed)) return trimmed;
    if (trimmed.length > 140) return undefined;
  }
  return undefined;
}
