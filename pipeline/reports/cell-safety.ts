/**
 * Making untrusted text harmless where it lands: school and major names come from input files,
 * so a name like `=HYPERLINK(…)` must not become a live formula in a spreadsheet (pipeline/shared/csv.ts
 * holds that rule for CSV and XLSX alike), nor `<script>` markup in a page.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}
