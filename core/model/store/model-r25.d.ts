/** The virtual module esbuild.mjs generates for the web build: chunk file name (without .json) → its text. */
declare module 'ocip:model-r25' {
  const chunks: Record<string, string>;
  export default chunks;
}
