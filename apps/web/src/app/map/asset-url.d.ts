/** Vite's `?url` imports: the module is the public URL of the emitted file. */
declare module '*?url' {
  const url: string;
  export default url;
}
