// Shape checks for request params that arrive from any client: a malformed request gets -32602 (Invalid params) with a
// message saying what was expected, never an internal error carrying a TypeError's text.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isPosition = (v: unknown) => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
const isRange = (v: unknown) => isObject(v) && isPosition(v.start) && isPosition(v.end);
const hasDocument = (v: Record<string, unknown>) => isObject(v.textDocument) && typeof v.textDocument.uri === 'string';

function invalid(method: string, expected: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs ${expected}`);
}

/** textDocument/hover and the like: `{ textDocument: { uri }, position: { line, character } }`. */
export function requirePositionParams<T>(method: string, params: T): T {
  if (!isObject(params) || !hasDocument(params) || !isPosition(params.position)) invalid(method, '{ textDocument: { uri }, position: { line, character } }');
  return params;
}

/** textDocument/codeAction: `{ textDocument: { uri }, range }`. */
export function requireRangeParams<T>(method: string, params: T): T {
  if (!isObject(params) || !hasDocument(params) || !isRange(params.range)) invalid(method, '{ textDocument: { uri }, range: { start, end } }');
  return params;
}
