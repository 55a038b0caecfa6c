/**
 * docs/performance.md keeps hand-written text around generated tables; each table lives between
 * `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and is replaced by the latest `npm run bench`.
 */
export function replaceSection(doc: string, name: string, body: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  const block = `${open}\n${body.trim()}\n${close}`;
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + close.length);
}
