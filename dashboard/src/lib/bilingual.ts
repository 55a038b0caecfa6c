/**
 * The pipeline's and the server's messages say one thing in both languages, "中文 — English"
 * (a refresh warning's Chinese half may open with its table: "postings: 疑似重复岗位 — …").
 */
import type { Lang } from '../../../pipeline/shared/format.ts';

/** The two halves of a message, or null for a message not in that form. */
export function halves(message: string): { zh: string; en: string } | null {
  const parts = /^(.*?)\s*—\s+(.*)$/s.exec(message);
  return parts ? { zh: parts[1], en: parts[2] } : null;
}

/** The half of a message in the page's language; a message not in two halves as it is. */
export function inLanguage(message: string, lang: Lang): string {
  const parts = halves(message);
  if (!parts) return message;
  return lang === 'zh' ? parts.zh : parts.en.charAt(0).toUpperCase() + parts.en.slice(1);
}
