/**
 * `plan-gap.csv`, or `plan-gap_示例数据.csv` on the synthetic sample (`marker`, the language's
 * chart.syntheticFile): a downloaded file says what data it holds.
 */
export const fileName = (name: string, ext: string, synthetic: boolean, marker: string) => `${name}${synthetic ? marker : ''}.${ext}`;

/** Saves a file from the browser (CSV, PNG, SVG) through a temporary download link. */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
