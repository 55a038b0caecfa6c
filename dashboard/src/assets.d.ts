/** Vite's `?url` imports: the built asset's URL (the file is copied into the build, not inlined). */
declare module '*?url' {
  const url: string;
  export default url;
}
