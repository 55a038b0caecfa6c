// The two parts of exceljs 4.4 the workbook writer reuses (render-xlsx.ts); exceljs types only its package root.
declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode(text: string): string };
  export default utils;
}
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const theme: string;
  export default theme;
}
