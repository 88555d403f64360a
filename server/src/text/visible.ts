// Untrusted text (a source's title, outlet, body or file name) shown in a terminal or plain-text UI: control characters
// (ESC and the rest of C0/C1, DEL) and bidi controls (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM) are shown as visible
// escapes, so they can neither drive the terminal (set its title, clear the screen) nor reorder what follows.
// JSON and SARIF keep the exact text; only human-readable output goes through here.

// Tab and newline are left to the caller, who decides whether they belong in one line.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One line of visible text: runs of whitespace (newlines included) become one space. */
export function visibleLine(text: string): string {
  return visible(text.replace(/[\t\n\r]+|\s{2,}/g, ' '));
}
