/** The sentence a report prints when some programme figures of its snapshot are estimates (manifest `figures`). */
export function estimatesNote(figures: { rows: number; estimated: { figures: string[]; rows: number; method: string }[] } | undefined): string | undefined {
  const listed = figures?.estimated.find((e) => e.figures.includes('students'));
  if (!figures || !listed) return undefined;
  return `${listed.rows} / ${figures.rows} 条专业点记录仅有备案信息，无报送数：其招生计划、实际招生与在校生为估算值（同年同专业已报专业点的中位数，无则同专业类、同层次；`
    + '停招、撤销的专业点招生计为 0），毕业生与供给据此推算，就业率无数据（estimated: plan, enrolled and students of programmes listed without figures）';
}
