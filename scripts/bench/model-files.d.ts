/** The model files as esbuild inlines them into the in-page benchmark bundle (see bundle.ts loaders). */
declare module '*.bin' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module '*/en-tagger.txt' {
  const text: string;
  export default text;
}
