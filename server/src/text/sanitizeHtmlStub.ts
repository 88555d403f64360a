// sbd requires sanitize-html at load but calls it only with its `sanitize` option, which we never set; bundling this
// stub instead keeps sanitize-html, htmlparser2 and postcss out of every start-up.
export default function sanitizeHtml(): never {
  throw new Error('sanitize-html is not bundled with Corroborate');
}
